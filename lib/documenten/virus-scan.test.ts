import { describe, expect, it } from "vitest";
import { virusScanRefusal, type VirusScan } from "@/lib/documenten/virus-scan";

describe("virusScanRefusal", () => {
  const cases: [VirusScan, boolean, string | null][] = [
    [{ status: "schoon" }, true, null],
    [{ status: "schoon" }, false, null],
    [{ status: "niet-gescand" }, true, null],
    [{ status: "niet-gescand" }, false, null],
    [{ status: "besmet", signature: "Eicar-Test-Signature" }, true, "virus"],
    [{ status: "besmet", signature: "Eicar-Test-Signature" }, false, "virus"],
    [{ status: "onbereikbaar" }, true, "scanner-onbereikbaar"],
    [{ status: "onbereikbaar" }, false, null],
  ];
  it.each(cases)("%o with CLAMAV_REQUIRED=%s → %s", (scan, required, refusal) => {
    expect(virusScanRefusal(scan, required)).toBe(refusal);
  });
});
