// A gemeente's benchmark (getRapport's benchmark, through lib/landelijk benchmarkVoorScan) on
// both databases: the figures checked against a computation of their own, suppression as the
// national view has it, only counted scans of the scan's year; and the PDF verbeterplan shows both
// new sections (the benchmark and "Ontwikkeling sinds de nulmeting"), read back with poppler.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { VERBETERPLAN_PRINT_CSS, VerbeterplanDocument, verbeterplanDocumentTitle, verbeterplanTitle } from "@/components/verbeterplan/VerbeterplanDocument";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { closePdfBrowser } from "@/lib/pdf/browser";
import { printDocumentHtml } from "@/lib/pdf/document";
import { renderPdf } from "@/lib/pdf/render";
import { formatScore } from "@/lib/shared/format";
import { exportRapport, getRapport } from "@/lib/verbeterplan/queries";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { headingsOf, readPdf, readStructureText, squeeze, tableOf } from "../support/pdf";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Gemeente number k scores item i as (i + k) mod 4: every gemeente differs. */
const scoreOf = (k: number, index: number) => (index + k) % 4;

/** The eis means of gemeente k, computed here from the rule "mean over the answered items" (to two decimals, as a report shows it). */
function eisMeans(k: number): Record<number, number> {
  return Object.fromEntries(
    framework.requirements.map((requirement) => {
      const values = framework.onderdelen.flatMap((onderdeel, index) => (onderdeel.requirementNumber === requirement.number ? [scoreOf(k, index)] : []));
      return [requirement.number, round2(values.reduce((a, b) => a + b, 0) / values.length)];
    }),
  );
}

/** QUARTILE.INC, written out independently of lib/landelijk. */
function quartiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    return (
      sorted[Math.floor(h)]! + (h - Math.floor(h)) * (sorted[Math.floor(h) + 1 === sorted.length ? Math.floor(h) : Math.floor(h) + 1]! - sorted[Math.floor(h)]!)
    );
  };
  return { n: sorted.length, mediaan: round2(at(0.5)), q1: round2(at(0.25)), q3: round2(at(0.75)), min: sorted[0], max: sorted.at(-1) };
}

function read(name: string, pdf: Buffer) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pdf-benchmark-")), name);
  writeFileSync(file, pdf);
  return { ...readPdf(file, pdf), file };
}

describe.each(DATABASE_KINDS)("a gemeente's benchmark on the %s database", (kind) => {
  let db: TestDatabase;
  // Region Noord: seven gemeenten, six submitted in 2026 (k = 0..5) and one draft (k = 6, not counted).
  // Region Oost: five submitted (k = 10..14). Region West: five submitted (k = 40..44). Region Zuid: two
  // submitted (k = 20, 21): suppressed, and with it Oost, the next smallest (else national minus the
  // rest would show Zuid's two), and then West (else Oost's leader could subtract Oost and find Zuid).
  // Noord also has a round in 2021 with three submitted scans: a year of its own, suppressed.
  const counted: number[] = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 20, 21, 40, 41, 42, 43, 44];
  const scans = {} as Record<"noordDraft" | "aa2026" | "oost" | "zuid" | "noord2021", string>;
  const actors = {} as Record<"noord" | "aa" | "oost" | "zuid", Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const noord = await createRegio(p, { name: "Regio Noord", gemeenten: ["Aa", "Ab", "Ac", "Ad", "Ae", "Af", "Ag"] });
    const oost = await createRegio(p, { name: "Regio Oost", gemeenten: ["Ba", "Bb", "Bc", "Bd", "Be"] });
    const zuid = await createRegio(p, { name: "Regio Zuid", gemeenten: ["Ca", "Cb"] });
    const west = await createRegio(p, { name: "Regio West", gemeenten: ["Da", "Db", "Dc", "Dd", "De"] });
    const ronde = (regio: { id: string }, name: string, startsOn: string) =>
      createMeetronde(p, { regio, name, status: "OPEN", startsOn: new Date(`${startsOn}T00:00:00Z`) });
    const nul = await createMeetronde(p, { regio: noord, name: "Nulmeting 2021", status: "GESLOTEN", startsOn: new Date("2021-01-11T00:00:00Z") });
    const [rNoord, rOost, rZuid, rWest] = [
      await ronde(noord, "Herhaalmeting 2026", "2026-10-01"),
      await ronde(oost, "Meting 2026", "2026-03-01"),
      await ronde(zuid, "Meting 2026", "2026-05-01"),
      await ronde(west, "Meting 2026", "2026-06-01"),
    ];
    const scan = (gemeente: { id: string }, meetronde: Awaited<ReturnType<typeof ronde>>, k: number, status: "INGEDIEND" | "CONCEPT" = "INGEDIEND") =>
      createZelfscan(p, { gemeente, meetronde, status, answers: (_o, index) => ({ score: scoreOf(k, index) }) });
    for (const [k, gemeente] of noord.gemeenten.slice(0, 6).entries()) {
      const made = await scan(gemeente, rNoord, k);
      if (k === 0) scans.aa2026 = made.id;
    }
    scans.noordDraft = (await scan(noord.gemeenten[6]!, rNoord, 6, "CONCEPT")).id;
    for (const [k, gemeente] of oost.gemeenten.entries()) {
      const made = await scan(gemeente, rOost, 10 + k);
      if (k === 0) scans.oost = made.id;
    }
    for (const [k, gemeente] of zuid.gemeenten.entries()) {
      const made = await scan(gemeente, rZuid, 20 + k);
      if (k === 0) scans.zuid = made.id;
    }
    for (const [k, gemeente] of west.gemeenten.entries()) await scan(gemeente, rWest, 40 + k);
    for (const [k, gemeente] of noord.gemeenten.slice(0, 3).entries()) {
      const made = await scan(gemeente, nul, 30 + k);
      if (k === 0) scans.noord2021 = made.id;
    }
    actors.noord = actorOf(await createUser(p, { grants: [officerOf(noord.gemeenten[6]!)] }));
    actors.aa = actorOf(await createUser(p, { grants: [officerOf(noord.gemeenten[0]!)] }));
    actors.oost = actorOf(await createUser(p, { grants: [officerOf(oost.gemeenten[0]!)] }));
    actors.zuid = actorOf(await createUser(p, { grants: [officerOf(zuid.gemeenten[0]!)] }));
  });
  afterAll(async () => {
    await closePdfBrowser();
    await db.drop();
  });

  it("shows the region's and the national distribution per eis of the counted scans of the scan's year", async () => {
    const data = await getRapport(db.prisma, actors.noord, scans.noordDraft);
    expect(data?.benchmark.jaar).toBe(2026);
    expect(data?.benchmark.regio.n).toBe(6);
    expect(data?.benchmark.landelijk.n).toBe(counted.length);
    for (const requirement of framework.requirements) {
      const regio = quartiles([0, 1, 2, 3, 4, 5].map((k) => eisMeans(k)[requirement.number]!));
      const landelijk = quartiles(counted.map((k) => eisMeans(k)[requirement.number]!));
      expect(data!.benchmark.regio.eisen[requirement.number], `regio, eis ${requirement.number}`).toMatchObject({ onderdrukt: false, ...regio });
      expect(data!.benchmark.landelijk.eisen[requirement.number], `landelijk, eis ${requirement.number}`).toMatchObject({ onderdrukt: false, ...landelijk });
    }
  });

  it("suppresses a small region, the region that would reveal it, and a year with fewer than five gemeenten", async () => {
    const zuid = await getRapport(db.prisma, actors.zuid, scans.zuid);
    expect(zuid?.benchmark.regio).toMatchObject({ n: null });
    expect(Object.values(zuid!.benchmark.regio.eisen).every((cell) => cell.onderdrukt)).toBe(true);
    expect(zuid?.benchmark.landelijk.n).toBe(counted.length);
    const oost = await getRapport(db.prisma, actors.oost, scans.oost);
    expect(Object.values(oost!.benchmark.regio.eisen).every((cell) => cell.onderdrukt)).toBe(true);
    // Nothing about a suppressed figure leaks its n.
    expect(JSON.stringify(oost!.benchmark.regio)).not.toMatch(/"n":[1-9]/);
    const noord2021 = await getRapport(
      db.prisma,
      actorOf(
        await createUser(db.prisma, {
          grants: [officerOf({ id: (await db.prisma.zelfscan.findUniqueOrThrow({ where: { id: scans.noord2021 } })).gemeenteId })],
        }),
      ),
      scans.noord2021,
    );
    expect(noord2021?.benchmark.jaar).toBe(2021);
    expect(Object.values(noord2021!.benchmark.landelijk.eisen).every((cell) => cell.onderdrukt)).toBe(true);
  });

  it.runIf(kind === "embedded")("the PDF verbeterplan shows the benchmark per eis and the development since the nulmeting", async () => {
    // Aa: submitted in 2021 (k = 30) and in 2026 (k = 0).
    const data = (await exportRapport(db.prisma, actors.aa, scans.aa2026))!;
    const html = await printDocumentHtml({
      title: verbeterplanDocumentTitle(data),
      css: VERBETERPLAN_PRINT_CSS,
      body: createElement(VerbeterplanDocument, { data, generatedAt: new Date() }),
    });
    const pdf = read("verbeterplan.pdf", await renderPdf(html, { kind: "verbeterplan", footerLabel: verbeterplanTitle(data) }));
    const structure = readStructureText(pdf.file);
    expect(headingsOf(structure, 2)).toEqual(expect.arrayContaining(["Vergelijking met de regio en het land", "Ontwikkeling sinds de nulmeting"]));
    const rows = tableOf(structure, "Score per eis (0–3): Aa, regio Regio Noord en landelijk, 2026");
    expect(rows[0]!.cells.map((cell) => cell.text)).toEqual(["Eis", "Aa", "Regio Regio Noord", "Landelijk"]);
    expect(rows[1]!.cells.map((cell) => squeeze(cell.text))).toEqual(["Mediaan", "Q1–Q3", "Aantalgemeenten", "Mediaan", "Q1–Q3", "Aantalgemeenten"]);
    expect(rows.slice(2).map((row) => row.cells.map((cell) => squeeze(cell.text)))).toEqual(
      framework.requirements.map((requirement) => {
        const regio = quartiles([0, 1, 2, 3, 4, 5].map((k) => eisMeans(k)[requirement.number]!));
        const land = quartiles(counted.map((k) => eisMeans(k)[requirement.number]!));
        return [
          `Eis ${requirement.number} ${requirement.shortTitle}`,
          formatScore(eisMeans(0)[requirement.number]!),
          formatScore(regio.mediaan),
          `${formatScore(regio.q1)} – ${formatScore(regio.q3)}`,
          "6",
          formatScore(land.mediaan),
          `${formatScore(land.q1)} – ${formatScore(land.q3)}`,
          String(counted.length),
        ].map(squeeze);
      }),
    );
    const ontwikkeling = tableOf(structure, "Aa per eis: Nulmeting 2021 en Herhaalmeting 2026");
    expect(ontwikkeling[0]!.cells.map((cell) => squeeze(cell.text))).toEqual(["Eis", "Nulmeting2021", "Herhaalmeting2026", "Verandering"]);
    const eis1 = ontwikkeling[1]!.cells.map((cell) => squeeze(cell.text));
    expect(eis1.slice(0, 3)).toEqual([squeeze(`Eis 1 ${framework.requirements[0]!.shortTitle}`), formatScore(eisMeans(30)[1]!), formatScore(eisMeans(0)[1]!)]);
    expect(tableOf(structure, "Aa per onderdeel: Nulmeting 2021 en Herhaalmeting 2026")).toHaveLength(framework.onderdelen.length + 1);
  });
});
