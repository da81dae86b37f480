// The national aggregate over the national fixture (342 gemeenten, 25 regions, 3 rounds) plus a
// small region that must be suppressed, on both databases. The expected figures are computed here
// from the stored answers, independently of lib/landelijk/verdeling.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { getLandelijkeExport } from "@/lib/landelijk/export";
import { openData, verdelingCsv, verdelingRows } from "@/lib/landelijk/export-format";
import { benchmarkVoorScan, getLandelijkeVerdeling, type LandelijkeVerdeling } from "@/lib/landelijk/queries";
import type { Spreiding } from "@/lib/landelijk/verdeling";
import { actorOf, BEHEERDER, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { fillNationalFixture } from "../support/national-fixture";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

// Independent statistics: QUARTILE.INC written out as Excel documents it.
function expectedSpread(values: number[]): Spreiding {
  if (values.length < 5) return { onderdrukt: true };
  const s = [...values].sort((a, b) => a - b);
  const q = (k: number) => {
    const h = (s.length - 1) * k;
    const lo = Math.floor(h);
    return Math.round((s[lo]! + (h - lo) * ((s[lo + 1] ?? s[lo]!) - s[lo]!)) * 100) / 100;
  };
  return { onderdrukt: false, n: s.length, mediaan: q(0.5), q1: q(0.25), q3: q(0.75), min: s[0]!, max: s.at(-1)! };
}

describe.each(DATABASE_KINDS)("the national aggregate on the %s database", (kind) => {
  let db: TestDatabase;
  let landelijk: Actor;
  const others = {} as Record<"leader" | "officer" | "beheerder", Actor>;
  let klein: Awaited<ReturnType<typeof createRegio>>;
  let gemeenteNames: string[];
  let gemeenteIds: string[];

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    await fillNationalFixture(p);
    // A region of 3 gemeenten that submitted in 2025: suppressed, and with it one more region.
    klein = await createRegio(p, { name: "Klein", gemeenten: 3 });
    const ronde = await createMeetronde(p, { regio: klein, startsOn: new Date("2025-02-01T00:00:00Z") });
    for (const gemeente of klein.gemeenten) await createZelfscan(p, { gemeente, meetronde: ronde, status: "INGEDIEND", answers: "all" });
    // Region r1 has a second 2025 round: r1-1 submitted in it (that scan counts, not its first),
    // r1-2 has a draft there (its first, submitted scan still counts).
    const r1 = await p.regio.findUniqueOrThrow({ where: { slug: "r1" }, include: { gemeenten: true } });
    const tweede = await createMeetronde(p, { regio: r1, name: "Tweede 2025", startsOn: new Date("2025-09-01T00:00:00Z") });
    const bySlug = new Map(r1.gemeenten.map((gemeente) => [gemeente.slug, gemeente]));
    await createZelfscan(p, { gemeente: bySlug.get("r1-1")!, meetronde: tweede, status: "INGEDIEND", answers: () => ({ score: 3 }) });
    await createZelfscan(p, { gemeente: bySlug.get("r1-2")!, meetronde: tweede, answers: () => ({ score: 0 }) });

    landelijk = actorOf(await createUser(p, { grants: [{ role: "LANDELIJK", gemeenteId: null, regioId: null }] }));
    others.leader = actorOf(await createUser(p, { grants: [leaderOf(r1)] }));
    others.officer = actorOf(await createUser(p, { grants: [officerOf(klein.gemeenten[0]!)] }));
    others.beheerder = actorOf(await createUser(p, { grants: [BEHEERDER] }));
    const gemeenten = await p.gemeente.findMany({ select: { id: true, name: true } });
    gemeenteNames = gemeenten.map((gemeente) => gemeente.name);
    gemeenteIds = gemeenten.map((gemeente) => gemeente.id);
  });
  afterAll(async () => {
    await db.drop();
  });

  /** Per gemeente the counted scan of the year, read straight from the tables. */
  async function counted(jaar: number) {
    const scans = await db.prisma.zelfscan.findMany({
      where: { status: "INGEDIEND", meetronde: { startsOn: { gte: new Date(Date.UTC(jaar, 0, 1)), lt: new Date(Date.UTC(jaar + 1, 0, 1)) } } },
      include: { meetronde: true, gemeente: { include: { regio: true } }, answers: true },
    });
    const latest = new Map<string, (typeof scans)[number]>();
    for (const scan of scans) {
      const current = latest.get(scan.gemeenteId);
      if (!current || scan.meetronde.startsOn > current.meetronde.startsOn) latest.set(scan.gemeenteId, scan);
    }
    return [...latest.values()];
  }
  const value = (answer: { score: number | null; weetIkNiet: boolean }) => (answer.weetIkNiet ? 0 : answer.score!);
  const eisMean = (scan: Awaited<ReturnType<typeof counted>>[number], number: number) => {
    const ids = new Set(framework.onderdelen.filter((onderdeel) => onderdeel.requirementNumber === number).map((onderdeel) => onderdeel.id));
    const values = scan.answers.filter((answer) => ids.has(answer.onderdeelId) && (answer.weetIkNiet || answer.score !== null)).map(value);
    return Math.round((values.reduce((sum, entry) => sum + entry, 0) / values.length) * 100) / 100;
  };

  let result2025: LandelijkeVerdeling;

  it("gives the national team the figures of every year, checked against the stored answers", async () => {
    const started = performance.now();
    result2025 = (await getLandelijkeVerdeling(db.prisma, landelijk, {}))!;
    const ms = performance.now() - started;
    expect(result2025.jaren).toEqual([2025, 2023, 2021]);
    expect(result2025.jaar).toBe(2025);
    expect(result2025.framework.version).toBe(framework.version);
    const scans = await counted(2025);
    expect(scans).toHaveLength(345);
    expect(result2025.landelijk.n).toBe(345);
    for (const requirement of framework.requirements) {
      expect(result2025.landelijk.eisen[requirement.number], `eis ${requirement.number}`).toEqual(
        expectedSpread(scans.map((scan) => eisMean(scan, requirement.number))),
      );
    }
    for (const onderdeel of framework.onderdelen) {
      const answers = scans.map((scan) => scan.answers.find((answer) => answer.onderdeelId === onderdeel.id)!);
      const counts = { 0: 0, 1: 0, 2: 0, 3: 0, weetIkNiet: answers.filter((answer) => answer.weetIkNiet).length };
      for (const answer of answers) if (!answer.weetIkNiet) counts[answer.score as 0 | 1 | 2 | 3]++;
      expect(result2025.landelijk.onderdelen[onderdeel.id], onderdeel.id).toEqual({ ...expectedSpread(answers.map(value)), aantallen: counts });
    }
    // A region's figures: r1 with the second-round scan of r1-1 and the first of r1-2.
    const r1 = result2025.perRegio.find((entry) => entry.regio.slug === "r1")!.verdeling;
    const r1Scans = scans.filter((scan) => scan.gemeente.regio.slug === "r1");
    expect(r1.n).toBe(14);
    expect(r1.eisen[3]).toEqual(expectedSpread(r1Scans.map((scan) => eisMean(scan, 3))));
    // Earlier years have only the fixture's 342 gemeenten.
    const result2021 = (await getLandelijkeVerdeling(db.prisma, landelijk, { jaar: 2021 }))!;
    expect(result2021.landelijk.n).toBe(342);
    expect(result2021.landelijk.eisen[1]).toEqual(expectedSpread((await counted(2021)).map((scan) => eisMean(scan, 1))));
    console.info(`[${kind}] getLandelijkeVerdeling 2025: ${Math.round(ms)} ms`);
  });

  it("suppresses the small region and the two next smallest, so that no subtraction reveals it, not even by a leader of one of them", async () => {
    const hidden = result2025.perRegio.filter((entry) => entry.verdeling.n === null);
    expect(hidden.map((entry) => entry.regio.slug)).toContain(klein.slug);
    // 3 + 13 would hide 16, but the 13's leader could subtract their own region and find the 3: a
    // second region of 13 goes too (29 hidden; without any one of them at least 16).
    expect(hidden).toHaveLength(3);
    // The next smallest: regions of 13 (r18..r25).
    for (const other of hidden.filter((entry) => entry.regio.slug !== klein.slug)) expect(Number(other.regio.slug.slice(1))).toBeGreaterThanOrEqual(18);
    const shownTotal = result2025.perRegio.reduce((sum, entry) => sum + (entry.verdeling.n ?? 0), 0);
    expect(result2025.landelijk.n! - shownTotal).toBe(29);
    for (const entry of hidden) {
      expect(Object.values(entry.verdeling.eisen).every((cell) => cell.onderdrukt)).toBe(true);
      expect(Object.values(entry.verdeling.onderdelen).every((cell) => cell.onderdrukt && !("n" in cell))).toBe(true);
    }
    // In 2023 the small region has no scans: nothing is hidden but it.
    const result2023 = (await getLandelijkeVerdeling(db.prisma, landelijk, { jaar: 2023 }))!;
    expect(result2023.perRegio.filter((entry) => entry.verdeling.n === null).map((entry) => entry.regio.slug)).toEqual([klein.slug]);
  });

  it("filters on one region and never returns a gemeente's name or id", async () => {
    const filtered = (await getLandelijkeVerdeling(db.prisma, landelijk, { jaar: 2025, regio: "r2" }))!;
    expect(filtered.regio).toEqual({ name: "Regio r2", slug: "r2" });
    expect(filtered.perRegio).toHaveLength(1);
    expect(filtered.regios).toHaveLength(26);
    expect(filtered.landelijk).toEqual(result2025.landelijk);
    for (const result of [result2025, filtered]) {
      const json = JSON.stringify(result);
      for (const name of gemeenteNames) expect(json.includes(`"${name}"`) || json.includes(name + '"'), name).toBe(false);
      expect(gemeenteIds.some((id) => json.includes(id))).toBe(false);
      expect(json).not.toMatch(/Toelichting/);
      expect(json).not.toMatch(/Gemeente /);
    }
  });

  it("gives a scan's benchmark the same suppressed figures as the national view", async () => {
    const scan = await db.prisma.zelfscan.findFirstOrThrow({
      where: { gemeente: { slug: "r2-1" }, meetronde: { name: "Ronde 2025" } },
      include: { gemeente: true, meetronde: true },
    });
    const benchmark = await benchmarkVoorScan(db.prisma, scan);
    expect(benchmark.jaar).toBe(2025);
    expect(benchmark.landelijk).toEqual(result2025.landelijk);
    expect(benchmark.regio).toEqual(result2025.perRegio.find((entry) => entry.regio.slug === "r2")!.verdeling);
    const kleinScan = await db.prisma.zelfscan.findFirstOrThrow({
      where: { gemeenteId: klein.gemeenten[0]!.id },
      include: { gemeente: true, meetronde: true },
    });
    expect((await benchmarkVoorScan(db.prisma, kleinScan)).regio.n).toBeNull();
  });

  it("exports CSV, xlsx rows and open data without a gemeente's name, each export audited", async () => {
    const data = (await getLandelijkeExport(db.prisma, landelijk, { jaar: 2025, format: "csv" }))!;
    const csv = verdelingCsv(data);
    const json = JSON.stringify(openData(data, { origin: "http://localhost", now: new Date() }));
    const rows = JSON.stringify(verdelingRows(data));
    for (const text of [csv, json, rows]) {
      expect(gemeenteNames.some((name) => text.includes(name))).toBe(false);
      expect(gemeenteIds.some((id) => text.includes(id))).toBe(false);
    }
    expect(csv).toContain("onderdrukt: minder dan 5 gemeenten");
    await getLandelijkeExport(db.prisma, landelijk, { jaar: 2023, format: "json" });
    const entries = await db.prisma.auditEntry.findMany({ where: { actorId: landelijk.userId, action: "export.landelijk" }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => [entry.targetId, (entry.details as { formaat: string }).formaat])).toEqual([
      ["2025", "csv"],
      ["2023", "json"],
    ]);
  });

  it("refuses every other role, audited, and writes no export for them", async () => {
    for (const [role, actor] of Object.entries(others)) {
      expect(await getLandelijkeVerdeling(db.prisma, actor, {}), role).toBeNull();
      expect(await getLandelijkeExport(db.prisma, actor, { format: "xlsx" }), role).toBeNull();
      expect(await db.prisma.auditEntry.count({ where: { actorId: actor.userId, action: "toegang.geweigerd", targetType: "Landelijk" } }), role).toBe(2);
      expect(await db.prisma.auditEntry.count({ where: { actorId: actor.userId, action: "export.landelijk" } }), role).toBe(0);
    }
  });
});
