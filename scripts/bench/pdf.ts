// npm run bench: the verbeterplan PDF for a full scan (38 answers, 40 actions). Median of 15
// warm runs after one cold run (which includes starting Chromium). Target: < 1.5 s, < 1 MB.
import { createDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";
import { closePdfBrowser } from "@/lib/pdf/browser";
import { createElement } from "react";
import { VERBETERPLAN_PRINT_CSS, VerbeterplanDocument, verbeterplanDocumentTitle, verbeterplanTitle } from "@/components/verbeterplan/VerbeterplanDocument";
import { printDocumentHtml } from "@/lib/pdf/document";
import { renderPdf } from "@/lib/pdf/render";
import { getRapport } from "@/lib/verbeterplan/queries";
import { actorFor } from "@/tests/support/actors";
import { median, percentile, type BenchResult } from "./stats";

export async function benchPdf(): Promise<BenchResult[]> {
  const db = createDatabase({ kind: "embedded", dataDir: "memory://" });
  await applyMigrations(db.sql);
  await seedDemoData(db.prisma);
  const actor = await actorFor(db.prisma, "beleid@delft.example");
  const scan = await db.prisma.zelfscan.findFirstOrThrow({
    where: { gemeente: { slug: "delft" }, meetronde: { name: "Nulmeting 2021" } },
    include: { answers: true },
  });
  // Fill the plan up to 40 actions, with long texts and Dutch diacritics, spread over the gaps.
  const existing = await db.prisma.verbeteractie.count({ where: { zelfscanId: scan.id } });
  const onderdeelIds = scan.answers.map((answer) => answer.onderdeelId);
  await db.prisma.verbeteractie.createMany({
    data: Array.from({ length: 40 - existing }, (_, index) => ({
      zelfscanId: scan.id,
      onderdeelIds: [onderdeelIds[index % onderdeelIds.length]!, onderdeelIds[(index + 7) % onderdeelIds.length]!],
      title: `Actie ${index + 1}: casuïstiek gezamenlijk evalueren met Veilig Thuis en het wijkteam`,
      description: "Elk kwartaal wordt casuïstiek geëvalueerd; de uitkomsten worden vastgelegd in de werkinstructie en besproken met de aanbieder. ".repeat(2),
      ownerName: `Eigenaar ${index + 1}`,
      ownerRole: "Beleidsadviseur Zorg en Veiligheid",
      partners: ["Veilig Thuis Haaglanden", "Wijkteamaanbieder"],
      deadline: new Date(Date.UTC(2027, index % 12, 15)),
      status: (["GEPLAND", "IN_UITVOERING", "AFGEROND"] as const)[index % 3],
      priority: (["HOOG", "MIDDEN", "LAAG"] as const)[index % 3],
      borging: "Opnemen in de subsidievoorwaarden 2028.",
      position: existing + index,
    })),
  });
  const data = (await getRapport(db.prisma, actor, scan.id))!;
  // As the route handler does it: the page's components as HTML, then Chromium prints it.
  const render = async () =>
    renderPdf(
      await printDocumentHtml({
        title: verbeterplanDocumentTitle(data),
        css: VERBETERPLAN_PRINT_CSS,
        body: createElement(VerbeterplanDocument, { data, generatedAt: new Date() }),
      }),
      {
        kind: "verbeterplan",
        footerLabel: verbeterplanTitle(data),
      },
    );

  let started = performance.now();
  const cold = await render();
  const coldMs = performance.now() - started;
  const times: number[] = [];
  let size = cold.length;
  for (let run = 0; run < 15; run++) {
    started = performance.now();
    size = (await render()).length;
    times.push(performance.now() - started);
  }
  await closePdfBrowser();
  await db.prisma.$disconnect();
  return [
    { name: "PDF verbeterplan (38 antwoorden, 40 acties), mediaan", value: median(times), unit: "ms", target: "< 1500 ms" },
    { name: "PDF verbeterplan, p95", value: percentile(times, 95), unit: "ms" },
    { name: "PDF verbeterplan, eerste keer (start Chromium)", value: coldMs, unit: "ms" },
    { name: "PDF verbeterplan, bestandsgrootte", value: size / 1024, unit: "kB", target: "< 1024 kB" },
  ];
}
