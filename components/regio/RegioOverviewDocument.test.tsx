import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { printDocumentHtml } from "@/lib/pdf/document";
import { commonGaps, heatMap, type RegioScan } from "@/lib/regio/aggregate";
import { REGIO_OVERVIEW_PRINT_CSS, RegioOverviewDocument, regioOverviewTitle } from "./RegioOverviewDocument";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

function scan(name: string, score: number, toelichting: string): RegioScan {
  return {
    gemeente: { id: `id-${name}`, name, slug: name.toLowerCase() },
    scan: {
      id: `scan-${name}`,
      status: "INGEDIEND",
      answers: framework.onderdelen.map((onderdeel) => ({ onderdeelId: onderdeel.id, score, weetIkNiet: false, doelniveau: 3, toelichting })),
    },
  };
}

describe("the regional overview document (PDF)", async () => {
  const scans = [scan("Één", 1, "<b>vet</b> & geëvalueerd"), scan("Twee", 3, "")];
  const data = {
    regio: { name: "Testregio" },
    meetronde: { name: "Ronde <1>", deadline: new Date("2027-01-29T22:59:59Z"), status: "OPEN" },
    framework,
    map: heatMap(framework, scans),
    gaps: commonGaps(framework, scans, 1),
    threshold: 1,
  };
  const document = await printDocumentHtml({
    title: regioOverviewTitle(data),
    css: REGIO_OVERVIEW_PRINT_CSS,
    body: <RegioOverviewDocument data={data} generatedAt={new Date("2026-11-23T12:00:00Z")} />,
  });

  it("is Dutch, titled, carries its font, and keeps typed text as text", () => {
    expect(document).toMatch(/^<!DOCTYPE html><html lang="nl"><head><meta charSet="utf-8"\/><title>/);
    expect(document).toContain("<title>Regionaal overzicht Testregio – Ronde &lt;1&gt;</title>");
    expect(document).toContain('@font-face { font-family: "Noto Sans"');
    expect(document).toContain("&lt;b&gt;vet&lt;/b&gt; &amp; geëvalueerd");
    expect(document).not.toContain("<b>vet</b>");
  });

  it("writes the number in every coloured cell and the region's mean and spread, without the page's links", () => {
    expect(document).toMatch(/<td class="getal[^"]*" style="background:#fed7aa"><span[^>]*>1<\/span><\/td>/);
    expect(document).toMatch(/<td class="getal[^"]*" style="background:#bbf7d0"><span[^>]*>3<\/span><\/td>/);
    expect(document).toMatch(/<th scope="row"[^>]*>Gemiddelde regio<\/th><td[^>]*><\/td><td[^>]*>2<\/td>/);
    expect(document).toMatch(/<th scope="row"[^>]*>Spreiding \(standaardafwijking\)<\/th><td[^>]*><\/td><td[^>]*>1<\/td>/);
    // Every item is a shared gap of the one gemeente below target.
    expect(document.match(/<li class="gat[ "]/g)).toHaveLength(framework.onderdelen.length);
    expect(document).not.toContain("<a ");
    expect(document).not.toContain(`<span class="sr-only">`);
  });
});
