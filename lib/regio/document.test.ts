import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { commonGaps, heatMap, type RegioScan } from "./aggregate";
import { regioOverviewDocument } from "./document";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

function scan(name: string, score: number, toelichting: string): RegioScan {
  return {
    gemeente: { id: `id-${name}`, name, slug: name.toLowerCase() },
    scan: { id: `scan-${name}`, status: "INGEDIEND", answers: framework.items.map((item) => ({ itemId: item.id, score, unknown: false, targetLevel: 3, toelichting })) },
  };
}

describe("the regional overview document (PDF)", () => {
  const scans = [scan("Één", 1, "<b>vet</b> & geëvalueerd"), scan("Twee", 3, "")];
  const document = regioOverviewDocument(
    {
      regio: { name: "Testregio" },
      ronde: { name: "Ronde <1>", deadline: new Date("2027-01-29T22:59:59Z"), status: "OPEN" },
      framework,
      map: heatMap(framework, scans),
      gaps: commonGaps(framework, scans, 1),
      threshold: 1,
    },
    new Date("2026-11-23T12:00:00Z"),
  );

  it("is Dutch, titled, and keeps typed text as text", () => {
    expect(document).toMatch(/^<!DOCTYPE html><html lang="nl">/);
    expect(document).toContain("<title>Regionaal overzicht Testregio – Ronde &lt;1&gt;</title>");
    expect(document).toContain("&lt;b&gt;vet&lt;/b&gt; &amp; geëvalueerd");
    expect(document).not.toContain("<b>vet</b>");
  });

  it("writes the number in every coloured cell and the region's mean and spread", () => {
    expect(document).toContain('<td class="getal" style="background: #fed7aa">1</td>');
    expect(document).toContain('<td class="getal" style="background: #bbf7d0">3</td>');
    expect(document).toMatch(/<th scope="row">Gemiddelde regio<\/th><td><\/td><td class="getal">2<\/td>/);
    expect(document).toMatch(/<th scope="row">Spreiding \(standaardafwijking\)<\/th><td><\/td><td class="getal">1<\/td>/);
    // Every item is a shared gap of the one gemeente below target.
    expect(document.match(/<div class="gat">/g)).toHaveLength(framework.items.length);
  });
});
