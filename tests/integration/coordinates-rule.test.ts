// The rules of working together (lib/access/rules/coordinates.ts): "coordinates the gemeente",
// "may submit" and "may change this onderdeel", over a small fixture of every case, on both
// databases. For each case the pure predicate, the Prisma filter and the SQL fragment must give the
// answer written out here. Cases: the coordinator of gemeente A, a colleague in A, an officer of B
// (which has no coordinator), a user named as coordinator of C who is not (or no longer) one of
// C's officers, an officer of C, the region's leader, a beheerder. Scans of A with and without
// `onlyAssigneesEdit`, onderdeel 1a assigned to the colleague and 1b to nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import {
  coordinatedGemeenteWhere,
  coordinatedZelfscanWhere,
  coordinatorSql,
  isCoordinator,
  mayEditOnderdeel,
  mayEditOnderdeelSql,
  maySubmit,
  submittableZelfscanWhere,
} from "@/lib/access/rules/coordinates";
import { deactivateUser, removeGrant } from "@/lib/beheer/gebruikers";
import { Prisma } from "@/lib/generated/prisma/client";
import { BEHEERDER, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf, signIn } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

type Key = "A" | "B" | "C";
/** Written out per actor: the gemeente they coordinate, the gemeenten whose scan they may submit. */
const EXPECTED: Record<string, { coordinates: Key[]; submits: Key[] }> = {
  coordinatorA: { coordinates: ["A"], submits: ["A"] },
  colleagueA: { coordinates: [], submits: [] },
  officerB: { coordinates: [], submits: ["B"] },
  // Named as C's coordinator but an officer of A only: coordinates nothing, submits nothing.
  staleC: { coordinates: [], submits: [] },
  // C has a coordinator id (staleC), so C's own officer does not submit either: the removal of a
  // grant or an account clears the id (lib/beheer/gebruikers.ts, lib/gemeente/team.ts).
  officerC: { coordinates: [], submits: [] },
  leader: { coordinates: [], submits: [] },
  beheerder: { coordinates: [], submits: [] },
};

const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));

describe.each(DATABASE_KINDS)("the rules of working together on the %s database", (kind) => {
  let db: TestDatabase;
  const actors: Record<string, Actor> = {};
  const gemeenten: { key: Key; id: string; coordinatorId: string | null }[] = [];
  const scans: { key: Key; id: string; onlyAssigneesEdit: boolean }[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const regio = await createRegio(p, { gemeenten: 3 });
    const [a, b, c] = [regio.gemeenten[0]!, regio.gemeenten[1]!, regio.gemeenten[2]!];
    const users = {
      coordinatorA: [officerOf(a)],
      colleagueA: [officerOf(a)],
      officerB: [officerOf(b)],
      staleC: [officerOf(a)],
      officerC: [officerOf(c)],
      leader: [leaderOf(regio)],
      beheerder: [BEHEERDER],
    };
    for (const [name, grants] of Object.entries(users)) actors[name] = (await signIn(db, await createUser(p, { name, grants })))!;
    await p.gemeente.update({ where: { id: a.id }, data: { coordinatorId: actors.coordinatorA!.userId } });
    await p.gemeente.update({ where: { id: c.id }, data: { coordinatorId: actors.staleC!.userId } });
    gemeenten.push(
      { key: "A", id: a.id, coordinatorId: actors.coordinatorA!.userId },
      { key: "B", id: b.id, coordinatorId: null },
      { key: "C", id: c.id, coordinatorId: actors.staleC!.userId },
    );
    for (const [index, onlyAssigneesEdit] of [false, true].entries()) {
      const meetronde = await createMeetronde(p, { regio, status: "OPEN", name: `Ronde ${index}` });
      for (const gemeente of gemeenten) {
        const scan = await createZelfscan(p, { gemeente, meetronde });
        await p.zelfscan.update({ where: { id: scan.id }, data: { onlyAssigneesEdit } });
        scans.push({ key: gemeente.key, id: scan.id, onlyAssigneesEdit });
        if (gemeente.key === "A") await p.assignment.create({ data: { zelfscanId: scan.id, onderdeelId: "1a", userId: actors.colleagueA!.userId } });
      }
    }
  });
  afterAll(() => db?.drop());

  it("'coordinates' and 'may submit': pure, Prisma and SQL agree with the written-out answer", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      const want = EXPECTED[name]!;
      const prismaCoordinated = ids(await db.prisma.gemeente.findMany({ where: coordinatedGemeenteWhere(actor), select: { id: true } }));
      const sqlCoordinated = ids(await db.prisma.$queryRaw<{ id: string }[]>`SELECT g.id FROM "Gemeente" g WHERE ${coordinatorSql(actor)}`);
      const prismaCoordinatedScans = ids(await db.prisma.zelfscan.findMany({ where: coordinatedZelfscanWhere(actor), select: { id: true } }));
      const prismaSubmittable = ids(await db.prisma.zelfscan.findMany({ where: submittableZelfscanWhere(actor), select: { id: true } }));
      for (const gemeente of gemeenten) {
        const label = `${name}, gemeente ${gemeente.key}`;
        const coordinates = want.coordinates.includes(gemeente.key);
        const submits = want.submits.includes(gemeente.key);
        expect(isCoordinator(actor, gemeente), `pure coordinates: ${label}`).toBe(coordinates);
        expect(prismaCoordinated.has(gemeente.id), `Prisma coordinates: ${label}`).toBe(coordinates);
        expect(sqlCoordinated.has(gemeente.id), `SQL coordinates: ${label}`).toBe(coordinates);
        expect(maySubmit(actor, gemeente), `pure submits: ${label}`).toBe(submits);
        for (const scan of scans.filter((candidate) => candidate.key === gemeente.key)) {
          expect(prismaCoordinatedScans.has(scan.id), `Prisma coordinates scan: ${label}`).toBe(coordinates);
          expect(prismaSubmittable.has(scan.id), `Prisma submits: ${label}`).toBe(submits);
        }
      }
    }
  });

  it("'may change this onderdeel': everyone while assignments guide; with onlyAssigneesEdit the coordinator and the onderdeel's assignees", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      for (const scan of scans.filter((candidate) => candidate.key === "A")) {
        const gemeente = gemeenten.find((candidate) => candidate.key === "A")!;
        for (const onderdeelId of ["1a", "1b"]) {
          const assignees = onderdeelId === "1a" ? [actors.colleagueA!.userId] : [];
          const want = !scan.onlyAssigneesEdit || name === "coordinatorA" || (name === "colleagueA" && onderdeelId === "1a");
          const label = `${name}, ${onderdeelId}, onlyAssigneesEdit ${scan.onlyAssigneesEdit}`;
          expect(mayEditOnderdeel(actor, { onlyAssigneesEdit: scan.onlyAssigneesEdit, gemeente }, assignees), `pure: ${label}`).toBe(want);
          const [row] = await db.prisma.$queryRaw<{ may: boolean }[]>`
            SELECT ${mayEditOnderdeelSql(actor, Prisma.sql`${onderdeelId}::text`)} AS may
            FROM "Zelfscan" z JOIN "Gemeente" g ON g.id = z."gemeenteId" WHERE z.id = ${scan.id}`;
          expect(row!.may, `SQL: ${label}`).toBe(want);
        }
      }
    }
  });

  // Last, as it changes the fixture: the appointment ends with the grant or the account it rests on.
  it("ends the appointment when the coordinator's officer grant is withdrawn or their account deactivated, with an audit entry", async () => {
    const a = gemeenten.find((candidate) => candidate.key === "A")!;
    const grant = await db.prisma.roleGrant.findFirstOrThrow({ where: { userId: actors.coordinatorA!.userId, gemeenteId: a.id } });
    expect((await removeGrant(db.prisma, actors.beheerder!, { userId: actors.coordinatorA!.userId, grantId: grant.id })).status).toBe("ok");
    expect((await db.prisma.gemeente.findUniqueOrThrow({ where: { id: a.id } })).coordinatorId).toBeNull();

    const c = gemeenten.find((candidate) => candidate.key === "C")!;
    await db.prisma.gemeente.update({ where: { id: c.id }, data: { coordinatorId: actors.officerC!.userId } });
    expect((await deactivateUser(db.prisma, actors.beheerder!, { userId: actors.officerC!.userId })).status).toBe("ok");
    expect((await db.prisma.gemeente.findUniqueOrThrow({ where: { id: c.id } })).coordinatorId).toBeNull();

    const entries = await db.prisma.auditEntry.findMany({ where: { action: "gemeente.coordinator-ingetrokken" }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => [entry.targetId, (entry.details as { reden: string }).reden])).toEqual([
      [a.id, "rol ingetrokken"],
      [c.id, "account gedeactiveerd"],
    ]);
  });
});
