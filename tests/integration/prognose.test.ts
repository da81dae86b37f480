// Targets and the projected score (issue 17): an action's doelscore is saved through the form's
// mutations (and refused outside the gemeente), draft proposals aim at the item's doelniveau, the
// verbeterplan carries the projection, and the regional prognose is for the region's leaders only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getFramework } from "@/lib/framework";
import { getRegioPrognose } from "@/lib/regio/analysis";
import { regioPrognose } from "@/lib/regio/prognose";
import type { TVerbeteractie } from "@/lib/shared/verbeterplan/schema";
import { createActie, proposeDraftActies, updateActie } from "@/lib/verbeterplan/mutations";
import { getVerbeterplan } from "@/lib/verbeterplan/queries";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const values = (overrides: Partial<TVerbeteractie> = {}): TVerbeteractie => ({
  onderdeelIds: ["3a"],
  title: "Werkafspraken vastleggen",
  description: "",
  ownerKind: "extern",
  ownerId: null,
  ownerName: "Wijkteam",
  ownerRole: "",
  partners: [],
  deadline: null,
  status: "GEPLAND",
  priority: "MIDDEN",
  borging: "",
  doelscore: 3,
  ...overrides,
});

describe.each(DATABASE_KINDS)("targets and the projected score on the %s database", (kind) => {
  let db: TestDatabase;
  let officer: Actor;
  let outsider: Actor;
  let leader: Actor;
  let otherLeader: Actor;
  let zelfscanId: string;
  let otherScanId: string;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let meetronde: Awaited<ReturnType<typeof createMeetronde>>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    regio = await createRegio(p, { gemeenten: 3 });
    const other = await createRegio(p, { gemeenten: 1 });
    meetronde = await createMeetronde(p, { regio });
    const otherRound = await createMeetronde(p, { regio: other });
    // Every item at 1, target 3: each eis is at 1 now.
    zelfscanId = (await createZelfscan(p, { gemeente: regio.gemeenten[0]!, meetronde, answers: () => ({ score: 1 }) })).id;
    await createZelfscan(p, { gemeente: regio.gemeenten[1]!, meetronde, status: "INGEDIEND", answers: () => ({ score: 2 }) });
    otherScanId = (await createZelfscan(p, { gemeente: other.gemeenten[0]!, meetronde: otherRound, answers: "all" })).id;
    officer = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[0]!)] }));
    outsider = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[1]!)] }));
    leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    otherLeader = actorOf(await createUser(p, { grants: [leaderOf(other)] }));
  });
  afterAll(() => db?.drop());

  const refusals = (actor: Actor) => db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } });

  it("saves an action's doelscore, changes it and clears it; a level above the scale is refused on the field", async () => {
    const created = await createActie(db.prisma, officer, { zelfscanId, actie: values({ doelscore: 2 }) });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.data.id : "";
    expect((await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id } })).doelscore).toBe(2);
    expect((await updateActie(db.prisma, officer, { actieId: id, version: 0, actie: values({ doelscore: 3 }) })).status).toBe("ok");
    const changed = await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id } });
    expect(changed).toMatchObject({ doelscore: 3, version: 1 });
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "verbeteractie.gewijzigd", targetId: id } });
    expect(audit.details).toMatchObject({ van: { doelscore: 2 }, naar: { doelscore: 3 } });
    expect(await updateActie(db.prisma, officer, { actieId: id, version: 1, actie: values({ doelscore: 4 }) })).toMatchObject({
      status: "invalid",
      fieldErrors: { doelscore: "Kies een niveau van 0 tot 3, of geen." },
    });
    expect(await createActie(db.prisma, officer, { zelfscanId, actie: values({ doelscore: -1 }) })).toMatchObject({ status: "invalid" });
    expect((await updateActie(db.prisma, officer, { actieId: id, version: 1, actie: values({ doelscore: null }) })).status).toBe("ok");
    expect((await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id } })).doelscore).toBeNull();
    await db.prisma.verbeteractie.delete({ where: { id } });
  });

  it("an officer of another gemeente cannot set a doelscore: not found, audited, nothing changed", async () => {
    const created = await createActie(db.prisma, officer, { zelfscanId, actie: values({ doelscore: 2, title: "Van de gemeente zelf" }) });
    const id = created.status === "ok" ? created.data.id : "";
    const before = await refusals(outsider);
    expect(await updateActie(db.prisma, outsider, { actieId: id, version: 0, actie: values({ doelscore: 0 }) })).toMatchObject({ status: "not-found" });
    expect(await createActie(db.prisma, outsider, { zelfscanId, actie: values() })).toMatchObject({ status: "not-found" });
    expect(await createActie(db.prisma, leader, { zelfscanId, actie: values() })).toMatchObject({ status: "not-found" });
    expect(await refusals(outsider)).toBe(before + 2);
    expect((await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id } })).doelscore).toBe(2);
    await db.prisma.verbeteractie.delete({ where: { id } });
  });

  it("draft proposals aim at each item's doelniveau", async () => {
    expect((await proposeDraftActies(db.prisma, officer, { zelfscanId })).status).toBe("ok");
    const drafts = await db.prisma.verbeteractie.findMany({ where: { zelfscanId, draft: true } });
    expect(drafts.length).toBe(getFramework(meetronde.frameworkVersion).onderdelen.length);
    expect(drafts.every((draft) => draft.doelscore === 3)).toBe(true);
    await db.prisma.verbeteractie.deleteMany({ where: { zelfscanId } });
  });

  it("the verbeterplan carries the projected score: an action with a doelscore raises its eis, a vervallen one does not", async () => {
    const framework = getFramework(meetronde.frameworkVersion);
    const eis = framework.requirements.find((requirement) => requirement.onderdelen.some((onderdeel) => onderdeel.id === "3a"))!;
    await createActie(db.prisma, officer, { zelfscanId, actie: values({ onderdeelIds: ["3a"], doelscore: 3 }) });
    await createActie(db.prisma, officer, { zelfscanId, actie: values({ onderdeelIds: ["1"], doelscore: 3, status: "VERVALLEN", title: "Vervallen" }) });
    const plan = (await getVerbeterplan(db.prisma, officer, zelfscanId))!;
    const projected = plan.projectie.requirements.find((requirement) => requirement.number === eis.number)!;
    const expected = Math.round(((eis.onderdelen.length - 1 + 3) / eis.onderdelen.length) * 100) / 100;
    expect(projected).toMatchObject({ current: 1, projected: expected, target: 3 });
    expect(projected.raisedBy).toHaveLength(1);
    const eis1 = framework.requirements.find((requirement) => requirement.onderdelen.some((onderdeel) => onderdeel.id === "1"))!;
    expect(plan.projectie.requirements.find((requirement) => requirement.number === eis1.number)).toMatchObject({ current: 1, projected: 1, counted: [] });
    expect(plan.projectie.counted).toHaveLength(1);
  });

  it("the regional prognose: the region's leader sees every gemeente of the round with its projection", async () => {
    const data = (await getRegioPrognose(db.prisma, leader, { slug: regio.slug, meetrondeId: meetronde.id }))!;
    expect(data.scans.map((entry) => entry.gemeente.name)).toEqual(regio.gemeenten.map((gemeente) => gemeente.name).sort((a, b) => a.localeCompare(b, "nl")));
    const prognose = regioPrognose(data.framework, data.scans);
    const plan = (await getVerbeterplan(db.prisma, officer, zelfscanId))!;
    const own = prognose.rows.find((row) => row.scanId === zelfscanId)!;
    // The same figures as the gemeente's own report.
    for (const requirement of plan.projectie.requirements)
      expect(own.requirements[requirement.number]).toEqual({ current: requirement.current, projected: requirement.projected, target: requirement.target });
    expect(own.acties).toBe(1);
    // The actions' texts do not travel to the regional view: only what the projection needs.
    expect(Object.keys(data.scans.find((entry) => entry.scan?.id === zelfscanId)!.scan!.acties[0]!).sort()).toEqual([
      "doelscore",
      "id",
      "onderdeelIds",
      "status",
    ]);
    expect(prognose.rows.filter((row) => row.scanId === null)).toHaveLength(1);
  });

  it("the regional prognose is refused (null, audited) to officers, another region's leader, and for a round of another region", async () => {
    for (const actor of [officer, outsider, otherLeader]) {
      const before = await refusals(actor);
      expect(await getRegioPrognose(db.prisma, actor, { slug: regio.slug, meetrondeId: meetronde.id })).toBeNull();
      expect(await refusals(actor)).toBe(before + 1);
    }
    // A round of another region through one's own region's address: not found.
    const otherRound = await db.prisma.zelfscan.findUniqueOrThrow({ where: { id: otherScanId } });
    expect(await getRegioPrognose(db.prisma, leader, { slug: regio.slug, meetrondeId: otherRound.meetrondeId })).toBeNull();
  });
});
