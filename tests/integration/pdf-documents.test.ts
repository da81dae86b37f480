// The two PDFs as their route handlers make them (the pages' components as static HTML, printed
// by Chromium), read back with poppler: tagged with real headings and tables with header cells,
// titled, in Dutch, with their fonts embedded, and with the plan's and the region's own figures.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGIO_OVERVIEW_PRINT_CSS, RegioOverviewDocument, regioOverviewTitle } from "@/components/regio/RegioOverviewDocument";
import { VERBETERPLAN_PRINT_CSS, VerbeterplanDocument, verbeterplanDocumentTitle, verbeterplanTitle } from "@/components/verbeterplan/VerbeterplanDocument";
import { closePdfBrowser } from "@/lib/pdf/browser";
import { printDocumentHtml } from "@/lib/pdf/document";
import { renderPdf } from "@/lib/pdf/render";
import { sortRows } from "@/lib/regio/aggregate";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { formatScore } from "@/lib/shared/format";
import { ownerLine } from "@/lib/shared/verbeterplan/owner";
import { formatDate } from "@/lib/shared/format";
import { exportRapport } from "@/lib/verbeterplan/queries";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { actorOf, createMeetronde, createRegio, createUser, createVerbeteractie, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { headingsOf, layoutLines, nodesOf, readPdf, readStructureText, squeeze, tableOf, textOf, type PdfFacts } from "../support/pdf";

const MARKUP = "<b>vet</b> & geëvalueerd";

function read(name: string, pdf: Buffer): PdfFacts & { file: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pdf-documents-")), name);
  writeFileSync(file, pdf);
  return { ...readPdf(file, pdf), file };
}

function expectAccessibleDocument(pdf: PdfFacts, title: string) {
  expect(pdf.title).toBe(title);
  expect(pdf.tagged).toBe(true);
  expect(pdf.lang).toBe("nl");
  expect(pdf.fonts.map((font) => font.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\+NotoSans-Regular$/), expect.stringMatching(/\+NotoSans-Bold$/)]),
  );
  for (const font of pdf.fonts) expect(font.embedded, font.name).toBe(true);
  expect(nodesOf(pdf.structure, "H1")).toHaveLength(1);
  expect(nodesOf(pdf.structure, "H2").length).toBeGreaterThan(2);
  // Every table has a header row, and every further row starts with its header cell.
  for (const table of nodesOf(pdf.structure, "Table")) {
    const rows = nodesOf(table, "TR").map((row) => row.children.filter((cell) => cell.type === "TH" || cell.type === "TD").map((cell) => cell.type));
    expect(rows[0]!.every((type) => type === "TH")).toBe(true);
    for (const row of rows.slice(1)) expect(row[0]).toBe("TH");
  }
}

describe.each(DATABASE_KINDS)("the PDF exports on the %s database", (kind) => {
  let db: TestDatabase;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let meetronde: Awaited<ReturnType<typeof createMeetronde>>;
  let scan: Awaited<ReturnType<typeof createZelfscan>>;
  let officer: ReturnType<typeof actorOf>;
  let leader: ReturnType<typeof actorOf>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    // A closed round of a region of three gemeenten, each with a submitted scan. The scores differ per
    // gemeente, and every fourth item is below the doelniveau in all three: shared gaps. The first
    // gemeente answers one item with "Weet ik niet".
    regio = await createRegio(db.prisma, { name: "Regio Zuiderkust", gemeenten: ["Oosterwijk", "Noordhaven", "Westerveld"] });
    meetronde = await createMeetronde(db.prisma, { regio, name: "Meting 2030", status: "GESLOTEN" });
    const scans = [];
    for (const [position, gemeente] of regio.gemeenten.entries())
      scans.push(
        await createZelfscan(db.prisma, {
          gemeente,
          meetronde,
          status: "INGEDIEND",
          answers: (_onderdeel, index) => (position === 0 && index === 1 ? { score: null, weetIkNiet: true } : { score: (index + position) % 4 }),
        }),
      );
    scan = scans[0]!;
    officer = actorOf(await createUser(db.prisma, { grants: [officerOf(regio.gemeenten[0]!)] }));
    leader = actorOf(await createUser(db.prisma, { grants: [leaderOf(regio)] }));
    // The plan's actions: with an owner and no deadline, done, and with a deadline and no owner.
    await createVerbeteractie(db.prisma, { zelfscan: scan, onderdeelIds: [scan.answers[0]!.onderdeelId], priority: "HOOG" });
    await createVerbeteractie(db.prisma, { zelfscan: scan, onderdeelIds: [scan.answers[4]!.onderdeelId], status: "AFGEROND" });
    await db.prisma.verbeteractie.create({
      data: {
        zelfscanId: scan.id,
        onderdeelIds: [scan.answers[8]!.onderdeelId],
        title: "Zonder eigenaar",
        deadline: new Date("2026-06-30T12:00:00Z"),
        position: 2,
      },
    });
  });
  afterAll(async () => {
    await closePdfBrowser();
    await db.drop();
  });

  it("the verbeterplan: the report's figures and gaps and every action with its owner and deadline, typed text as text", async () => {
    await db.prisma.verbeteractie.create({
      data: {
        zelfscanId: scan.id,
        onderdeelIds: ["3a"],
        title: `Actie ${MARKUP}`,
        ownerName: "Petra de Wit-Özdemir",
        deadline: new Date("2027-03-30T22:00:00Z"),
        position: 99,
      },
    });
    // An action owned by an account, with a dated progress history (the voortgangsrapportage).
    const owned = await db.prisma.verbeteractie.findFirstOrThrow({ where: { zelfscanId: scan.id, title: "Zonder eigenaar" } });
    // Its doelscore raises its item (scored 0) to 3: the projected score of its eis rises.
    await db.prisma.verbeteractie.update({ where: { id: owned.id }, data: { ownerId: officer.userId, status: "IN_UITVOERING", doelscore: 3 } });
    await db.prisma.actieVoortgang.create({
      data: {
        verbeteractieId: owned.id,
        status: "IN_UITVOERING",
        note: "Eerste overleg met het wijkteam gevoerd",
        notedOn: new Date("2026-11-15T23:00:00Z"),
        authorId: officer.userId,
      },
    });
    // Evidence documents: one supporting two onderdelen (at its second version), one with markup in its title.
    const linkDocument = async (title: string, ingangsdatum: string, onderdeelIds: string[], fileNames: string[]) => {
      const document = await db.prisma.document.create({ data: { gemeenteId: scan.gemeenteId, title, ingangsdatum: new Date(`${ingangsdatum}T00:00:00Z`) } });
      for (const [index, fileName] of fileNames.entries())
        await db.prisma.documentVersie.create({
          data: {
            documentId: document.id,
            nummer: index + 1,
            fileName,
            mediaType: "application/pdf",
            size: 1000,
            sha256: "0".repeat(64),
            storageKey: `${scan.gemeenteId}/${document.id}-${index}`,
          },
        });
      for (const onderdeelId of onderdeelIds) await db.prisma.answerDocument.create({ data: { zelfscanId: scan.id, onderdeelId, documentId: document.id } });
    };
    await linkDocument("Regiovisie Zuiderkust 2029-2032", "2029-01-01", ["1", "10b"], ["regiovisie-2029.pdf", "regiovisie-2029-herzien.pdf"]);
    await linkDocument(`Afspraken ${MARKUP}`, "2030-03-15", ["2"], ["afspraken-veilig-thuis.pdf"]);
    const data = (await exportRapport(db.prisma, officer, scan.id))!;
    const html = await printDocumentHtml({
      title: verbeterplanDocumentTitle(data),
      css: VERBETERPLAN_PRINT_CSS,
      body: createElement(VerbeterplanDocument, { data, generatedAt: new Date() }),
    });
    const pdf = read("verbeterplan.pdf", await renderPdf(html, { kind: "verbeterplan", footerLabel: verbeterplanTitle(data) }));

    expectAccessibleDocument(pdf, "Verbeterplan Werken aan Veiligheid – Oosterwijk – Meting 2030");
    const structure = readStructureText(pdf.file);
    expect(headingsOf(structure, 1)).toEqual(["Verbeterplan Werken aan Veiligheid"]);
    expect(headingsOf(structure, 2)).toEqual([
      "1. Samenvatting",
      "2. Tekortkomingen, grootste eerst",
      "3. Nog uit te zoeken (“Weet ik niet”)",
      "4. Verbeteracties",
      "5. Voortgangsrapportage",
      "Vergelijking met de regio en het land",
      "Ontwikkeling sinds de nulmeting",
      "Verantwoording",
      "Bijlage: documenten per onderdeel",
    ]);
    // The gaps, largest first, then the actions in the plan's order, then again in the progress report: nothing left out, nothing added.
    expect(headingsOf(structure, 3).map(squeeze)).toEqual(
      [
        ...data.score.gaps.map((gap) => `Onderdeel ${gap.onderdeel.id}: ${gap.onderdeel.shortTitle}`),
        ...data.acties.map((actie, index) => `${index + 1}. ${actie.title}`),
        ...data.acties.map((actie, index) => `${index + 1}. ${actie.title}`),
      ].map(squeeze),
    );
    const rows = tableOf(structure, "Score per eis");
    // Squeezed: in six columns a header may wrap, and poppler joins its lines without a space.
    expect(rows[0]!.cells.map((cell) => squeeze(cell.text))).toEqual(
      ["Eis", "Score (0–3)", "Percentage", "Verwacht na de acties", "Doelniveau", "Beantwoord"].map(squeeze),
    );
    expect(rows.slice(1).map((row) => row.cells.map((cell) => squeeze(cell.text)))).toEqual(
      data.score.requirements.map((result, index) =>
        [
          `${result.requirement.number}. ${result.requirement.shortTitle}`,
          formatScore(result.mean),
          `${result.percentage}%`,
          formatScore(data.projectie.requirements[index]!.projected),
          formatScore(result.doelniveau),
          `${result.answered} van ${result.onderdelen.length}`,
        ].map(squeeze),
      ),
    );
    // Current, projected and target per eis, with the actions that raise it (numbered as in the plan).
    const raisedEis = data.projectie.requirements.find((requirement) => requirement.raisedBy.length > 0)!;
    expect(raisedEis.projected!).toBeGreaterThan(raisedEis.current!);
    const projectie = tableOf(structure, /^Huidige, verwachte en beoogde score per eis/);
    expect(projectie[0]!.cells.map((cell) => squeeze(cell.text))).toEqual(
      ["Eis", "Nu", "Verwacht na de acties", "Doelniveau", "Acties die de score verhogen"].map(squeeze),
    );
    const raisedRow = projectie.find((row) => row.cells[0]!.text.startsWith(`${raisedEis.number}. `))!;
    expect(raisedRow.cells.slice(1).map((cell) => squeeze(cell.text))).toEqual(
      [formatScore(raisedEis.current), formatScore(raisedEis.projected), formatScore(raisedEis.target), "3. Zonder eigenaar"].map(squeeze),
    );
    const articles = nodesOf(structure, "Art").map((node) => squeeze(textOf(node)));
    expect(articles).toHaveLength(data.acties.length);
    // The three actions made above and the one made in this test.
    expect(data.acties.map((actie) => actie.title).slice(2)).toEqual(["Zonder eigenaar", `Actie ${MARKUP}`]);
    expect(data.acties).toHaveLength(4);
    data.acties.forEach((actie, index) => {
      expect(articles[index]).toContain(squeeze(`Eigenaar ${ownerLine(actie) || "nog niet bepaald"}`));
      expect(articles[index]).toContain(squeeze(`Deadline ${actie.deadline ? formatDate(actie.deadline) : "nog niet bepaald"}`));
    });
    expect(articles.at(-1)).toContain(squeeze("Deadline 31 maart 2027"));
    expect(articles[2]).toContain(squeeze("Beoogd niveau na afronding 3 – Volledig ingericht en geborgd"));
    expect(articles[0]).toContain(squeeze("Beoogd niveau na afronding geen"));
    expect(pdf.text).toContain(`Actie ${MARKUP}`);
    // The progress report for the college: the owner's account name, the status and the dated note.
    expect(tableOf(structure, `Voortgang van “Zonder eigenaar”`).map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ["Datum", "Status", "Toelichting", "Gemeld door"],
      ["16 november 2026", "In uitvoering", "Eerste overleg met het wijkteam gevoerd", officer.name],
    ]);
    const flat = squeeze(pdf.text);
    expect(flat).toContain(squeeze(`Status: In uitvoering · Eigenaar: ${officer.name} (collega)`));
    expect(flat).toContain(squeeze("16 november 2026 In uitvoering Eerste overleg met het wijkteam gevoerd"));
    // The annex: per onderdeel (in the framework's order) each document's title, date, current file and version.
    expect(
      tableOf(structure, "Documenten die Oosterwijk als onderbouwing bij de onderdelen heeft gevoegd").map((row) =>
        row.cells.map((cell) => squeeze(cell.text)),
      ),
    ).toEqual(
      [
        ["Onderdeel", "Titel", "Ingangsdatum", "Bestand", "Versie"],
        ["1", "Regiovisie Zuiderkust 2029-2032", "1 januari 2029", "regiovisie-2029-herzien.pdf", "2"],
        ["2", `Afspraken ${MARKUP}`, "15 maart 2030", "afspraken-veilig-thuis.pdf", "1"],
        ["10b", "Regiovisie Zuiderkust 2029-2032", "1 januari 2029", "regiovisie-2029-herzien.pdf", "2"],
      ].map((row) => row.map(squeeze)),
    );
  });

  it("the regional overview: the heat map's numbers per gemeente, the region's mean and spread, and the shared gaps", async () => {
    const data = (await getRegioOverviewExport(db.prisma, leader, { slug: regio.slug, meetrondeId: meetronde.id, minimaal: null, format: "pdf" }))!;
    const html = await printDocumentHtml({
      title: regioOverviewTitle(data),
      css: REGIO_OVERVIEW_PRINT_CSS,
      body: createElement(RegioOverviewDocument, { data, generatedAt: new Date() }),
    });
    const pdf = read("overzicht.pdf", await renderPdf(html, { kind: "regio-overzicht", footerLabel: regioOverviewTitle(data) }));

    expectAccessibleDocument(pdf, "Regionaal overzicht Regio Zuiderkust – Meting 2030");
    const lines = layoutLines(pdf);
    for (const heading of [
      "1. Score per eis per gemeente",
      "2. Score per onderdeel per gemeente",
      `3. Gedeelde tekortkomingen (ten minste ${data.threshold} gemeenten onder het doelniveau)`,
      "Verantwoording",
    ])
      expect(lines).toContain(heading);
    // The heat map per requirement: every gemeente's row, each number as the page writes it, then the region's mean and spread.
    const gemeenten = sortRows(data.map.rows, { by: "gemeente" }, "asc");
    expect(gemeenten.map((row) => row.gemeente.name)).toEqual(["Noordhaven", "Oosterwijk", "Westerveld"]);
    const stats = (key: "mean" | "spread") =>
      [data.map.overallStats[key], ...data.framework.requirements.map((requirement) => data.map.requirementStats[requirement.number]![key])]
        .map(formatScore)
        .join(" ");
    const expected = [
      `Gemeente Status Totaal ${data.framework.requirements.map((requirement) => `Eis ${requirement.number}`).join(" ")}`,
      ...gemeenten.map(
        (row) =>
          `${row.gemeente.name} Ingediend ${[row.overall, ...data.framework.requirements.map((requirement) => row.requirements[requirement.number] ?? null)].map(formatScore).join(" ")}`,
      ),
      `Gemiddelde regio ${stats("mean")}`,
      `Spreiding (standaardafwijking) ${stats("spread")}`,
    ];
    const start = lines.indexOf(expected[0]!);
    expect(lines.slice(start, start + expected.length)).toEqual(expected);
    expect(data.gaps.length).toBeGreaterThan(0);
    // Below the doelniveau in all three gemeenten: every fourth item (scores 0, 1 and 2), in framework order.
    expect(data.threshold).toBe(3);
    expect(data.gaps.map((gap) => gap.onderdeel.id)).toEqual(data.framework.onderdelen.filter((_, index) => index % 4 === 0).map((onderdeel) => onderdeel.id));
    for (const [index, gap] of data.gaps.entries()) {
      const heading = lines.indexOf(`${index + 1}. Onderdeel ${gap.onderdeel.id}: ${gap.onderdeel.shortTitle}`);
      expect(heading, gap.onderdeel.id).toBeGreaterThan(start);
      expect(lines[heading + 1]).toBe(`${gap.gemeenten.length} gemeenten onder het doelniveau, gemiddeld tekort ${formatScore(gap.meanGap)}.`);
    }
    // The tagged structure: one heat map table per view and one table per shared gap, each row with its header cell.
    expect(nodesOf(pdf.structure, "Table")).toHaveLength(2 + data.gaps.length);
  });
});
