// Merging verbeteracties loses nothing: the merge names the version of every action the user saw,
// and a colleague's change made since (before or during the merge) makes it a conflict that changes
// nothing. On both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { createActie, deleteActie, MERGE_CONFLICT_MESSAGE, mergeActies, updateActie } from "@/lib/verbeterplan/mutations";
import type { TVerbeteractie } from "@/lib/shared/verbeterplan/schema";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const actie = (title: string, onderdeelIds: string[], partners: string[] = []): TVerbeteractie => ({
  onderdeelIds,
  title,
  description: `Beschrijving van ${title}.`,
  ownerKind: "extern",
  ownerId: null,
  ownerName: "",
  ownerRole: "",
  partners,
  deadline: null,
  status: "GEPLAND",
  priority: "MIDDEN",
  borging: "",
  doelscore: null,
});

describe.each(DATABASE_KINDS)("merging verbeteracties on the %s database", (kind) => {
  let db: TestDatabase;
  let officer: Actor;
  let colleague: Actor;
  let zelfscanId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // A submitted scan of a gemeente in a closed round, and two of the gemeente's officers.
    const regio = await createRegio(p, { gemeenten: 1 });
    const gemeente = regio.gemeenten[0]!;
    const meetronde = await createMeetronde(p, { regio, status: "GESLOTEN" });
    zelfscanId = (await createZelfscan(p, { gemeente, meetronde, status: "INGEDIEND" })).id;
    officer = actorOf(await createUser(p, { grants: [officerOf(gemeente)] }));
    colleague = actorOf(await createUser(p, { grants: [officerOf(gemeente)] }));
  });
  afterAll(() => db?.drop());

  async function plan(...acties: TVerbeteractie[]) {
    const ids: string[] = [];
    for (const values of acties) {
      const created = await createActie(db.prisma, officer, { zelfscanId, actie: values });
      expect(created.status).toBe("ok");
      ids.push(created.status === "ok" ? created.data.id : "");
    }
    return db.prisma.verbeteractie.findMany({ where: { id: { in: ids } }, orderBy: { position: "asc" } });
  }
  const seen = (acties: { id: string; version: number }[]) => ({ acties: acties.map(({ id, version }) => ({ id, version })) });
  const mergeConflict = { status: "conflict", message: MERGE_CONFLICT_MESSAGE };
  const mergeAudits = () => db.prisma.auditEntry.count({ where: { action: "verbeteractie.samengevoegd" } });

  it("merges the chosen actions into the first when nobody changed them since", async () => {
    const [first, second, third] = await plan(actie("Eerste", ["1"], ["Veilig Thuis"]), actie("Tweede", ["2", "1"], ["GGD"]), actie("Derde", ["3a"]));
    const result = await mergeActies(db.prisma, officer, seen([first!, second!, third!]));
    expect(result).toEqual({ status: "ok", data: { id: first!.id } });
    const left = await db.prisma.verbeteractie.findMany({ where: { id: { in: [first!.id, second!.id, third!.id] } } });
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      id: first!.id,
      title: "Eerste",
      onderdeelIds: ["1", "2", "3a"],
      partners: ["Veilig Thuis", "GGD"],
      version: first!.version + 1,
    });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "verbeteractie.samengevoegd", targetId: first!.id } });
    expect(entry).toMatchObject({ actorId: officer.userId, details: { samengevoegd: [second!.id, third!.id] } });
  });

  it("refuses the merge as a conflict when a colleague changed one of the actions since the user saw it, and changes nothing", async () => {
    const [first, second] = await plan(actie("Houden", ["4"]), actie("Weggaan", ["5"]));
    // The colleague edits the second action after the user loaded the plan.
    const edited = await updateActie(db.prisma, colleague, {
      actieId: second!.id,
      version: second!.version,
      actie: actie("Weggaan, aangevuld door een collega", ["5", "9"]),
    });
    expect(edited.status).toBe("ok");
    const before = await db.prisma.verbeteractie.findMany({ where: { zelfscanId }, orderBy: { id: "asc" } });
    const audits = await mergeAudits();

    expect(await mergeActies(db.prisma, officer, seen([first!, second!]))).toEqual(mergeConflict);
    expect(await db.prisma.verbeteractie.findMany({ where: { zelfscanId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await mergeAudits()).toBe(audits);

    // A change of the action that would be kept, or one deleted since, is a conflict as well.
    const [keep, other] = await plan(actie("Blijft", ["6a"]), actie("Ook", ["6b"]));
    expect((await updateActie(db.prisma, colleague, { actieId: keep!.id, version: keep!.version, actie: actie("Blijft, gewijzigd", ["6a"]) })).status).toBe(
      "ok",
    );
    expect((await mergeActies(db.prisma, officer, seen([keep!, other!]))).status).toBe("conflict");
    expect((await deleteActie(db.prisma, colleague, { actieId: other!.id })).status).toBe("ok");
    const current = await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: keep!.id } });
    expect((await mergeActies(db.prisma, officer, seen([current, other!]))).status).toBe("not-found");
    expect(await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: keep!.id } })).toEqual(current);

    // With the versions of the current plan, the merge goes through.
    const fresh = await db.prisma.verbeteractie.findMany({ where: { id: { in: [first!.id, second!.id] } }, orderBy: { position: "asc" } });
    expect((await mergeActies(db.prisma, officer, seen(fresh))).status).toBe("ok");
    expect(await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ onderdeelIds: ["4", "5", "9"] });
  });

  it("never lets a merge and a colleague's simultaneous change of a merged action both land", async () => {
    for (let meetronde = 0; meetronde < 8; meetronde++) {
      const [first, second] = await plan(actie(`Ronde ${meetronde} eerste`, ["7a"]), actie(`Ronde ${meetronde} tweede`, ["8a"]));
      const changedTitle = `Ronde ${meetronde} tweede, gelijktijdig gewijzigd`;
      const [merged, edited] = await Promise.all([
        mergeActies(db.prisma, officer, seen([first!, second!])),
        updateActie(db.prisma, colleague, { actieId: second!.id, version: second!.version, actie: actie(changedTitle, ["8a", "8b"]) }),
      ]);
      const label = `ronde ${meetronde}: ${merged.status} / ${edited.status}`;
      // Exactly one of the two lands; the other is told so, and nothing is silently lost.
      expect(
        [merged.status, edited.status].filter((status) => status === "ok"),
        label,
      ).toHaveLength(1);
      const rows = await db.prisma.verbeteractie.findMany({ where: { id: { in: [first!.id, second!.id] } }, orderBy: { position: "asc" } });
      if (merged.status === "ok") {
        expect(edited.status, label).not.toBe("ok");
        expect(
          rows.map((row) => row.id),
          label,
        ).toEqual([first!.id]);
        expect(rows[0]!.onderdeelIds, label).toEqual(["7a", "8a"]);
      } else {
        expect(merged, label).toEqual(mergeConflict);
        expect(
          rows.map((row) => [row.title, row.version]),
          label,
        ).toEqual([
          [first!.title, first!.version],
          [changedTitle, second!.version + 1],
        ]);
      }
    }
  }, 60_000);
});
