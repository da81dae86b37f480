// The learning network on both databases, over the demo data (Den Haag and Zoetermeer share):
// the sharing choice and who may make it, the good examples for the region's leader and for an
// officer's own gaps, and the download route of an example's documents in exactly that scope.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { seedDemoData } from "@/lib/demo/seed";
import { setVoorbeeldenDelen } from "@/lib/leernetwerk/delen";
import { downloadVoorbeeldDocument, getVoorbeeldenVoorRegio, getVoorbeeldenVoorScan } from "@/lib/leernetwerk/queries";
import { actorFor, ROLES } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { leernetwerkFixture } from "../support/leernetwerk";

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "leernetwerk-"));
delete process.env.S3_ENDPOINT;

describe.each(DATABASE_KINDS)("the learning network on the %s database", (kind) => {
  let db: TestDatabase;
  let fixture: Awaited<ReturnType<typeof leernetwerkFixture>>;
  let officerDelft: Actor;
  let leader: Actor;
  let officerDenHaag: Actor;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    fixture = await leernetwerkFixture(db.prisma);
    officerDelft = await actorFor(db.prisma, ROLES.officerDelft);
    leader = await actorFor(db.prisma, ROLES.leaderHaaglanden);
    // Den Haag has no demo account: an officer made here (Den Haag has no coordinator, so any officer decides).
    await db.prisma.user.create({
      data: {
        email: "beleid@den-haag.example",
        name: "Officer Den Haag",
        roles: { create: { role: "BELEIDSMEDEWERKER", gemeenteId: fixture.denHaag.gemeenteId } },
      },
    });
    officerDenHaag = await actorFor(db.prisma, "beleid@den-haag.example");
  });
  afterAll(async () => {
    await db.drop();
  });

  const download = async (actor: Actor) => {
    const response = await downloadVoorbeeldDocument(db.prisma, actor, {
      zelfscanId: fixture.denHaag.id,
      onderdeelId: fixture.onderdeelId,
      versieId: fixture.versieId,
      ip: null,
    });
    const body = response ? await response.text() : null;
    return { status: response?.status ?? 404, body, disposition: response?.headers.get("content-disposition") ?? null };
  };

  it("with sharing on, Delft's officer sees Den Haag's example on the gap, with toelichting and document, and downloads it", async () => {
    const data = await getVoorbeeldenVoorScan(db.prisma, officerDelft, fixture.delft.id);
    const gat = data!.gaten.find((candidate) => candidate.onderdeel.id === fixture.onderdeelId)!;
    const denHaag = gat.voorbeelden.find((voorbeeld) => voorbeeld.gemeente.name === "Den Haag")!;
    expect(denHaag.toelichting).toBe(fixture.denHaag.answers.find((answer) => answer.onderdeelId === fixture.onderdeelId)!.toelichting);
    expect(denHaag.documents.map((document) => document.title)).toEqual(["Werkinstructie Den Haag"]);
    // Only sharing gemeenten, only submitted scans, never Delft itself; every example scores 3.
    const names = new Set(data!.gaten.flatMap((entry) => entry.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)));
    expect([...names].sort()).toEqual(["Den Haag", "Zoetermeer"]);
    expect(data!.gaten.every((entry) => entry.value < entry.doelniveau)).toBe(true);
    const before = await db.prisma.auditEntry.count({ where: { action: "document.gedownload", actorId: officerDelft.userId } });
    const got = await download(officerDelft);
    expect(got.status).toBe(200);
    expect(got.body).toContain("werkinstructie");
    expect(got.disposition).toMatch(/^attachment;/);
    expect(await db.prisma.auditEntry.count({ where: { action: "document.gedownload", actorId: officerDelft.userId } })).toBe(before + 1);
  });

  it("the leader sees, per common gap, the sharing gemeenten with score 3 and a count of those that do not share", async () => {
    const ids = [fixture.onderdeelId];
    const lists = await getVoorbeeldenVoorRegio(db.prisma, leader, { slug: "haaglanden", meetrondeId: fixture.delft.meetrondeId, onderdeelIds: ids });
    const [list] = lists!;
    expect(list!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toContain("Den Haag");
    const scans = await db.prisma.zelfscan.findMany({
      where: {
        meetrondeId: fixture.delft.meetrondeId,
        status: "INGEDIEND",
        answers: { some: { onderdeelId: fixture.onderdeelId, score: 3, weetIkNiet: false } },
      },
      include: { gemeente: true },
    });
    expect(list!.voorbeelden.length).toBe(scans.filter((scan) => scan.gemeente.deeltVoorbeelden).length);
    expect(list!.nietGedeeld).toBe(scans.filter((scan) => !scan.gemeente.deeltVoorbeelden).length);
    expect((await download(leader)).status).toBe(200);
  });

  it("only the gemeente's submitters change the choice; each change is audited", async () => {
    expect((await setVoorbeeldenDelen(db.prisma, officerDelft, { gemeenteId: fixture.denHaag.gemeenteId, values: { deelt: false } })).status).toBe("not-found");
    expect((await setVoorbeeldenDelen(db.prisma, leader, { gemeenteId: fixture.denHaag.gemeenteId, values: { deelt: false } })).status).toBe("not-found");
    expect((await db.prisma.gemeente.findUniqueOrThrow({ where: { id: fixture.denHaag.gemeenteId } })).deeltVoorbeelden).toBe(true);
    expect((await setVoorbeeldenDelen(db.prisma, officerDenHaag, { gemeenteId: fixture.denHaag.gemeenteId, values: { deelt: "ja" } })).status).toBe("invalid");
    const off = await setVoorbeeldenDelen(db.prisma, officerDenHaag, { gemeenteId: fixture.denHaag.gemeenteId, values: { deelt: false } });
    expect(off.status).toBe("ok");
    expect(await db.prisma.auditEntry.count({ where: { action: "gemeente.voorbeelden-delen-uit", gemeenteId: fixture.denHaag.gemeenteId } })).toBe(1);
  });

  it("with sharing off, Den Haag's example is gone for Delft and counted for the leader, and its document is refused (404, audited)", async () => {
    const data = await getVoorbeeldenVoorScan(db.prisma, officerDelft, fixture.delft.id);
    expect(JSON.stringify(data)).not.toContain("Den Haag");
    const [list] = (await getVoorbeeldenVoorRegio(db.prisma, leader, {
      slug: "haaglanden",
      meetrondeId: fixture.delft.meetrondeId,
      onderdeelIds: [fixture.onderdeelId],
    }))!;
    expect(list!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).not.toContain("Den Haag");
    expect(list!.nietGedeeld).toBeGreaterThanOrEqual(1);
    for (const actor of [officerDelft, leader]) {
      const refusals = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } });
      expect((await download(actor)).status).toBe(404);
      expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } })).toBe(refusals + 1);
    }
    // On again: visible again.
    expect((await setVoorbeeldenDelen(db.prisma, officerDenHaag, { gemeenteId: fixture.denHaag.gemeenteId, values: { deelt: true } })).status).toBe("ok");
    expect((await download(officerDelft)).status).toBe(200);
  });

  it("refuses the document once the score is no longer 3, and for a version not linked to the example", async () => {
    const other = await db.prisma.documentVersie.findFirstOrThrow({ where: { document: { gemeente: { slug: "delft" } } } });
    const notLinked = await downloadVoorbeeldDocument(db.prisma, leader, {
      zelfscanId: fixture.denHaag.id,
      onderdeelId: fixture.onderdeelId,
      versieId: other.id,
      ip: null,
    });
    expect(notLinked).toBeNull();
    await db.prisma.answer.update({
      where: { zelfscanId_onderdeelId: { zelfscanId: fixture.denHaag.id, onderdeelId: fixture.onderdeelId } },
      data: { score: 2 },
    });
    expect((await download(officerDelft)).status).toBe(404);
    expect((await download(leader)).status).toBe(404);
    const data = await getVoorbeeldenVoorScan(db.prisma, officerDelft, fixture.delft.id);
    expect(JSON.stringify(data)).not.toContain("Werkinstructie Den Haag");
    await db.prisma.answer.update({
      where: { zelfscanId_onderdeelId: { zelfscanId: fixture.denHaag.id, onderdeelId: fixture.onderdeelId } },
      data: { score: 3 },
    });
  });
});
