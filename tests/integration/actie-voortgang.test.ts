// Verbeteracties owned by people, on both databases: the owner is an active officer of the scan's
// own gemeente or an external party named in text (an account elsewhere is refused on the field);
// every status change writes the progress history, reportVoortgang checks the version; the deadline
// reminders reach the owning account exactly once each and never anyone else; the exports carry
// the owner and the history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runActieTermijnen } from "@/lib/mail/reminders";
import { dayInAmsterdam, endOfDayInAmsterdam } from "@/lib/shared/dates";
import type { TVerbeteractie } from "@/lib/shared/verbeterplan/schema";
import { toCsv } from "@/lib/export/csv";
import { actieCsvRows } from "@/lib/verbeterplan/export-format";
import { createActie, reportVoortgang, updateActie } from "@/lib/verbeterplan/mutations";
import { exportVerbeterplan } from "@/lib/verbeterplan/queries";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

type Person = Awaited<ReturnType<typeof createUser>>;

const values = (overrides: Partial<TVerbeteractie> = {}): TVerbeteractie => ({
  onderdeelIds: ["3a"],
  title: "Werkafspraken met het wijkteam",
  description: "",
  ownerKind: "account",
  ownerId: null,
  ownerName: "",
  ownerRole: "",
  partners: [],
  deadline: "2027-01-29",
  status: "GEPLAND",
  priority: "MIDDEN",
  borging: "",
  doelscore: null,
  ...overrides,
});

describe.each(DATABASE_KINDS)("the owners and progress of verbeteracties on the %s database", (kind) => {
  let db: TestDatabase;
  let scan: { id: string };
  const people = {} as Record<"officer" | "owner" | "inactive" | "neighbour" | "leader", Person>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const regio = await createRegio(p, { gemeenten: 2 });
    const [gemeente, neighbour] = regio.gemeenten;
    people.officer = await createUser(p, { name: "Anouk de Vries", grants: [officerOf(gemeente!)] });
    people.owner = await createUser(p, { name: "Daan Verbeek", grants: [officerOf(gemeente!)] });
    people.inactive = await createUser(p, { grants: [officerOf(gemeente!)], active: false });
    people.neighbour = await createUser(p, { grants: [officerOf(neighbour!)] });
    people.leader = await createUser(p, { grants: [leaderOf(regio)] });
    const meetronde = await createMeetronde(p, { regio, status: "OPEN", deadline: endOfDayInAmsterdam("2027-01-29") });
    scan = await createZelfscan(p, { gemeente: gemeente!, meetronde, answers: 5 });
  });
  afterAll(() => db?.drop());

  it("accepts an active officer of the scan's gemeente or an external party, and refuses an account of another gemeente or a deactivated one", async () => {
    const officer = actorOf(people.officer);
    for (const ownerId of [people.neighbour.id, people.inactive.id, people.leader.id]) {
      const refused = await createActie(db.prisma, officer, { zelfscanId: scan.id, actie: values({ ownerId }) });
      expect(refused.status).toBe("invalid");
      expect(refused.status === "invalid" && refused.fieldErrors.ownerId).toBeTruthy();
    }
    expect((await createActie(db.prisma, officer, { zelfscanId: scan.id, actie: values() })).status).toBe("invalid");
    expect(await db.prisma.verbeteractie.count({ where: { zelfscanId: scan.id } })).toBe(0);

    const byAccount = await createActie(db.prisma, officer, { zelfscanId: scan.id, actie: values({ ownerId: people.owner.id, ownerName: "genegeerd" }) });
    const external = await createActie(db.prisma, officer, {
      zelfscanId: scan.id,
      actie: values({ title: "Signalen delen", ownerKind: "extern", ownerId: people.owner.id, ownerName: "Veilig Thuis Haaglanden" }),
    });
    expect(byAccount.status).toBe("ok");
    expect(external.status).toBe("ok");
    const rows = await db.prisma.verbeteractie.findMany({ where: { zelfscanId: scan.id }, orderBy: { position: "asc" } });
    expect(rows.map((row) => [row.ownerId, row.ownerName])).toEqual([
      [people.owner.id, ""],
      [null, "Veilig Thuis Haaglanden"],
    ]);
    // Changing the owner to another gemeente's officer is refused too, and changes nothing.
    const [first] = rows;
    const moved = await updateActie(db.prisma, officer, { actieId: first!.id, version: first!.version, actie: values({ ownerId: people.neighbour.id }) });
    expect(moved.status).toBe("invalid");
    expect((await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: first!.id } })).ownerId).toBe(people.owner.id);
  });

  it("writes the history on every status change, reports progress on the seen version, and refuses others", async () => {
    const actie = await db.prisma.verbeteractie.findFirstOrThrow({ where: { zelfscanId: scan.id, ownerId: people.owner.id } });
    const officer = actorOf(people.officer);
    const changed = await updateActie(db.prisma, officer, {
      actieId: actie.id,
      version: actie.version,
      actie: values({ ownerId: people.owner.id, status: "IN_UITVOERING" }),
    });
    expect(changed.status).toBe("ok");
    // Saving again without a status change adds nothing to the history.
    expect(
      (
        await updateActie(db.prisma, officer, {
          actieId: actie.id,
          version: actie.version + 1,
          actie: values({ ownerId: people.owner.id, status: "IN_UITVOERING" }),
        })
      ).status,
    ).toBe("ok");
    const history = await db.prisma.actieVoortgang.findMany({ where: { verbeteractieId: actie.id } });
    expect(history.map((row) => [row.status, row.note, row.authorId])).toEqual([["IN_UITVOERING", "", people.officer.id]]);

    const owner = actorOf(people.owner);
    const note = { status: "IN_UITVOERING" as const, note: "Eerste overleg gevoerd", notedOn: "2026-11-20" };
    expect((await reportVoortgang(db.prisma, owner, { actieId: actie.id, version: actie.version, values: note })).status).toBe("conflict");
    const future = dayInAmsterdam(new Date(Date.now() + 3 * 24 * 60 * 60 * 1000));
    const tooLate = await reportVoortgang(db.prisma, owner, { actieId: actie.id, version: actie.version + 2, values: { ...note, notedOn: future } });
    expect(tooLate.status === "invalid" && tooLate.fieldErrors.notedOn).toBeTruthy();
    for (const outsider of [people.neighbour, people.leader]) {
      expect((await reportVoortgang(db.prisma, actorOf(outsider), { actieId: actie.id, version: actie.version + 2, values: note })).status).toBe("not-found");
    }
    expect((await reportVoortgang(db.prisma, owner, { actieId: actie.id, version: actie.version + 2, values: note })).status).toBe("ok");
    const reported = await db.prisma.verbeteractie.findUniqueOrThrow({ where: { id: actie.id }, include: { voortgang: { orderBy: { createdAt: "asc" } } } });
    expect(reported.version).toBe(actie.version + 3);
    expect(reported.voortgang.map((row) => [row.status, row.note, dayInAmsterdam(row.notedOn), row.authorId])).toEqual([
      ["IN_UITVOERING", "", dayInAmsterdam(new Date()), people.officer.id],
      ["IN_UITVOERING", "Eerste overleg gevoerd", "2026-11-20", people.owner.id],
    ]);
    const audit = await db.prisma.auditEntry.findMany({ where: { action: "verbeteractie.voortgang-gemeld", targetId: actie.id } });
    expect(audit.map((entry) => entry.actorId)).toEqual([people.owner.id]);
  });

  it("the exports name the owner and carry the dated history", async () => {
    const data = (await exportVerbeterplan(db.prisma, actorOf(people.officer), scan.id, "csv"))!;
    const csv = toCsv(actieCsvRows({ gemeente: data.scan.gemeente.name, meetronde: data.scan.meetronde.name }, data.acties));
    expect(csv).toContain(`"Werkafspraken met het wijkteam";"";"3a";"Daan Verbeek";"collega"`);
    expect(csv).toContain(`"Signalen delen";"";"3a";"Veilig Thuis Haaglanden";"externe partij"`);
    expect(csv).toContain(`"1";"Werkafspraken met het wijkteam";"2026-11-20";"In uitvoering";"Eerste overleg gevoerd";"Daan Verbeek"`);
  });

  it("reminds the owning account 14 days before the deadline and once it passed, each once; never an external party or a deactivated account", async () => {
    const messages = () => db.prisma.message.findMany({ where: { kind: "ACTIE_TERMIJN" }, orderBy: { createdAt: "asc" } });
    expect(await runActieTermijnen(db, new Date("2027-01-14T12:00:00Z"))).toBe(0);
    expect(await runActieTermijnen(db, new Date("2027-01-15T07:00:00Z"))).toBe(1);
    expect(await runActieTermijnen(db, new Date("2027-01-20T07:00:00Z"))).toBe(0);
    const [first] = await messages();
    expect(first!.userId).toBe(people.owner.id);
    expect(first!.subject).toContain("Werkafspraken met het wijkteam");
    expect(first!.text).toContain("29 januari 2027");
    expect(first!.text).toContain(`/zelfscans/${scan.id}/verbeterplan`);

    expect(await runActieTermijnen(db, new Date("2027-01-30T07:00:00Z"))).toBe(1);
    expect(await runActieTermijnen(db, new Date("2027-02-05T07:00:00Z"))).toBe(0);
    expect((await messages()).map((message) => message.userId)).toEqual([people.owner.id, people.owner.id]);

    // A deactivated owner gets nothing more; nor does an action that is done.
    const other = await db.prisma.verbeteractie.create({
      data: { zelfscanId: scan.id, title: "Nog een actie", ownerId: people.owner.id, deadline: endOfDayInAmsterdam("2027-02-10") },
    });
    await db.prisma.user.update({ where: { id: people.owner.id }, data: { active: false } });
    expect(await runActieTermijnen(db, new Date("2027-02-01T07:00:00Z"))).toBe(0);
    await db.prisma.user.update({ where: { id: people.owner.id }, data: { active: true } });
    await db.prisma.verbeteractie.update({ where: { id: other.id }, data: { status: "AFGEROND" } });
    expect(await runActieTermijnen(db, new Date("2027-02-01T07:00:00Z"))).toBe(0);
    expect(await db.prisma.message.count({ where: { kind: "ACTIE_TERMIJN" } })).toBe(2);
  });
});
