// The activity of a scan (issue 15): its own audit entries, newest first, by person and by eis,
// for whoever may read the scan; never an IP address, never another scan's entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record";
import { getActivity } from "@/lib/zelfscan/activity";
import { saveAnswer, startZelfscan } from "@/lib/zelfscan/mutations";
import { actorOf, createMeetronde, createRegio, createUser, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const answer = { score: 3, weetIkNiet: false, toelichting: "", vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: 3 };

describe.each(DATABASE_KINDS)("the activity of a scan on the %s database", (kind) => {
  let db: TestDatabase;
  let scanId: string;
  let neighbourScanId: string;
  const actors = {} as Record<"officer" | "colleague" | "leader" | "neighbour" | "leaderElsewhere", Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const regio = await createRegio(p, { gemeenten: 2 });
    const other = await createRegio(p, { gemeenten: 1 });
    const [gemeente, neighbour] = regio.gemeenten;
    actors.officer = actorOf(await createUser(p, { name: "Anouk Officier", grants: [officerOf(gemeente!)] }));
    actors.colleague = actorOf(await createUser(p, { name: "Daan Collega", grants: [officerOf(gemeente!)] }));
    actors.leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    actors.neighbour = actorOf(await createUser(p, { grants: [officerOf(neighbour!)] }));
    actors.leaderElsewhere = actorOf(await createUser(p, { grants: [leaderOf(other)] }));
    const round = await createMeetronde(p, { regio, status: "OPEN" });
    const started = await startZelfscan(p, actors.officer, { gemeenteId: gemeente!.id, meetrondeId: round.id, carryOver: false });
    scanId = started.status === "ok" ? started.data.zelfscanId : "";
    const neighbourStarted = await startZelfscan(p, actors.neighbour, { gemeenteId: neighbour!.id, meetrondeId: round.id, carryOver: false });
    neighbourScanId = neighbourStarted.status === "ok" ? neighbourStarted.data.zelfscanId : "";
    for (const [who, onderdeelId] of [
      [actors.officer, "1"],
      [actors.colleague, "7a"],
      [actors.colleague, "7b"],
    ] as const) {
      expect(await saveAnswer(db, who, { zelfscanId: scanId, onderdeelId, request: { baseVersion: 0, answer }, ip: "203.0.113.9" })).toMatchObject({
        status: "ok",
      });
    }
    expect(await saveAnswer(db, actors.neighbour, { zelfscanId: neighbourScanId, onderdeelId: "7a", request: { baseVersion: 0, answer } })).toMatchObject({
      status: "ok",
    });
    await recordAudit(p, {
      actorId: actors.officer.userId,
      action: "verbeteractie.aangemaakt",
      targetType: "Verbeteractie",
      targetId: "actie-1",
      gemeenteId: gemeente!.id,
      regioId: regio.id,
      details: { zelfscanId: scanId, itemIds: ["7c", "8"] },
    });
    // Not the scan's own history: refused access stays in the beheerder's log.
    await recordAudit(p, { actorId: actors.neighbour.userId, action: "toegang.geweigerd", targetType: "Zelfscan", targetId: scanId });
  });
  afterAll(() => db?.drop());

  it("shows the scan's own entries, newest first, with labels and without IP addresses", async () => {
    const activity = (await getActivity(db.prisma, actors.leader, scanId))!;
    expect(activity.entries.map((entry) => [entry.action, entry.onderdeelIds])).toEqual([
      ["verbeteractie.aangemaakt", ["7c", "8"]],
      ["antwoord.opgeslagen", ["7b"]],
      ["antwoord.opgeslagen", ["7a"]],
      ["antwoord.opgeslagen", ["1"]],
      ["zelfscan.gestart", []],
    ]);
    expect(activity.entries[1]).toMatchObject({ who: "Daan Collega", label: "Antwoord opgeslagen", eisen: [7] });
    expect(JSON.stringify(activity)).not.toContain("203.0.113.9");
    expect(activity.people.map((person) => person.name)).toEqual(["Anouk Officier", "Daan Collega"]);
  });

  it("filters by person and by eis", async () => {
    const byColleague = (await getActivity(db.prisma, actors.officer, scanId, { userId: actors.colleague.userId }))!;
    expect(byColleague.entries.map((entry) => entry.onderdeelIds[0])).toEqual(["7b", "7a"]);
    const eis7 = (await getActivity(db.prisma, actors.officer, scanId, { eis: 7 }))!;
    expect(eis7.entries.map((entry) => entry.onderdeelIds[0])).toEqual(["7c", "7b", "7a"]);
    const both = (await getActivity(db.prisma, actors.officer, scanId, { eis: 1, userId: actors.colleague.userId }))!;
    expect(both.entries).toEqual([]);
  });

  it("pages", async () => {
    const second = (await getActivity(db.prisma, actors.officer, scanId, { page: 2 }))!;
    expect(second).toMatchObject({ page: 2, pages: 1, total: 5, entries: [] });
  });

  it("is not found for another gemeente's officer or another region's leader", async () => {
    expect(await getActivity(db.prisma, actors.neighbour, scanId)).toBeNull();
    expect(await getActivity(db.prisma, actors.leaderElsewhere, scanId)).toBeNull();
  });
});
