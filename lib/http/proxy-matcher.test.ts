import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("the proxy's matcher", () => {
  it("runs for pages, also the document library, but not for route handlers that answer with files", () => {
    expect(matches("/zelfscans/abc")).toBe(true);
    expect(matches("/gemeenten/delft/documenten")).toBe(true);
    expect(matches("/zelfscans/abc/stap/1")).toBe(true);
    expect(matches("/api/zelfscans/abc/antwoorden/1a/documenten")).toBe(false);
    expect(matches("/zelfscans/abc/verbeterplan.pdf")).toBe(false);
    expect(matches("/zelfscans/abc/documenten/v1")).toBe(false);
    expect(matches("/gemeenten/delft/documenten/v1")).toBe(false);
  });
});
