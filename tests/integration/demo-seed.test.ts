import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginWithPassword } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { pendingTotpSetup, readTotpSecret } from "@/lib/auth/second-factor";
import { totpCodeAt, unixSeconds } from "@/lib/auth/totp";
import { DEMO_ACCOUNTS, DEMO_BEHEERDER_TOTP_SECRET, DEMO_PASSWORD, DEMO_SHARING } from "@/lib/demo/data";
import { seedDemoData } from "@/lib/demo/seed";
import { localFileStore, type FileStore } from "@/lib/documenten/store";
import { dedupeKey } from "@/lib/mail/dedupe-keys";
import { runReminders } from "@/lib/mail/reminders";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { projectScan } from "@/lib/scoring/projection";
import { scoreScan } from "@/lib/scoring/score";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

async function counts(db: TestDatabase) {
  const p = db.prisma;
  return {
    regio: await p.regio.count(),
    gemeente: await p.gemeente.count(),
    user: await p.user.count(),
    roleGrant: await p.roleGrant.count(),
    meetronde: await p.meetronde.count(),
    zelfscan: await p.zelfscan.count(),
    answer: await p.answer.count(),
    verbeteractie: await p.verbeteractie.count(),
    auditEntry: await p.auditEntry.count(),
    message: await p.message.count(),
    assignment: await p.assignment.count(),
    document: await p.document.count(),
    documentVersie: await p.documentVersie.count(),
    answerDocument: await p.answerDocument.count(),
  };
}

// The demo is seeded at a fixed moment, so that which reminders are due does not depend on the day
// the test runs: before the first reminder of Herhaalmeting 2026 (deadline 29 January 2027).
const SEEDED_AT = new Date("2026-12-02T09:00:00Z");

describe.each(DATABASE_KINDS)("demo seed on the %s database", (kind) => {
  let db: TestDatabase;
  let folder: string;
  let store: FileStore;
  const seed = (now: Date) => seedDemoData(db.prisma, { now, store });
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    // The document files go into a folder of this test's own, as they go into DATA_DIR/documenten.
    folder = await mkdtemp(path.join(tmpdir(), "demo-documenten-"));
    store = localFileStore(folder);
    await seed(SEEDED_AT);
  });
  afterAll(async () => {
    await db.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it("creates Haaglanden with its nine municipalities, Hollands Midden and Zuid-Holland Zuid", async () => {
    const haaglanden = await db.prisma.regio.findUniqueOrThrow({
      where: { slug: "haaglanden" },
      include: { gemeenten: { orderBy: { name: "asc" } } },
    });
    expect(haaglanden.gemeenten.map((gemeente) => gemeente.name)).toEqual([
      "Delft",
      "Den Haag",
      "Leidschendam-Voorburg",
      "Midden-Delfland",
      "Pijnacker-Nootdorp",
      "Rijswijk",
      "Wassenaar",
      "Westland",
      "Zoetermeer",
    ]);
    const hollandsMidden = await db.prisma.regio.findUniqueOrThrow({
      where: { slug: "hollands-midden" },
      include: { gemeenten: true },
    });
    expect(hollandsMidden.gemeenten.map((gemeente) => gemeente.name)).toEqual(expect.arrayContaining(["Leiden", "Alphen aan den Rijn"]));
    expect(await db.prisma.meetronde.count({ where: { regioId: hollandsMidden.id } })).toBeGreaterThanOrEqual(1);
    const zuidHollandZuid = await db.prisma.regio.findUniqueOrThrow({
      where: { slug: "zuid-holland-zuid" },
      include: { gemeenten: { orderBy: { name: "asc" } }, meetrondes: { orderBy: { startsOn: "asc" } } },
    });
    expect(zuidHollandZuid.name).toBe("Zuid-Holland Zuid");
    expect(zuidHollandZuid.gemeenten.map((gemeente) => gemeente.name)).toEqual([
      "Dordrecht",
      "Gorinchem",
      "Hardinxveld-Giessendam",
      "Hendrik-Ido-Ambacht",
      "Papendrecht",
      "Zwijndrecht",
    ]);
    expect(zuidHollandZuid.meetrondes.map((meetronde) => [meetronde.name, meetronde.status])).toEqual([
      ["Nulmeting 2024", "GESLOTEN"],
      ["Herhaalmeting 2026", "OPEN"],
    ]);
  });

  it("has at least five submitted scans in every year, so that the national figures are not suppressed", async () => {
    // The counted scans of the national view: submitted, per gemeente and year (the UTC year of the
    // round's start); per region, how many gemeenten that are.
    const scans = await db.prisma.zelfscan.findMany({
      where: { status: "INGEDIEND" },
      select: { gemeenteId: true, gemeente: { select: { regio: { select: { slug: true } } } }, meetronde: { select: { startsOn: true } } },
    });
    const perYear = new Map<number, Map<string, Set<string>>>();
    for (const scan of scans) {
      const year = scan.meetronde.startsOn.getUTCFullYear();
      const regions = perYear.get(year) ?? new Map<string, Set<string>>();
      const gemeenten = regions.get(scan.gemeente.regio.slug) ?? new Set<string>();
      gemeenten.add(scan.gemeenteId);
      regions.set(scan.gemeente.regio.slug, gemeenten);
      perYear.set(year, regions);
    }
    const summary = Object.fromEntries(
      [...perYear].map(([year, regions]) => [year, Object.fromEntries([...regions].map(([slug, gemeenten]) => [slug, gemeenten.size]))]),
    );
    expect(summary).toEqual({
      2021: { haaglanden: 9 },
      2024: { "zuid-holland-zuid": 6 },
      2026: { haaglanden: 5, "zuid-holland-zuid": 6 },
    });
    // The submitted scans are complete.
    const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
    expect(await db.prisma.answer.count({ where: { zelfscan: { status: "INGEDIEND" } } })).toBe(scans.length * framework.onderdelen.length);
  });

  it("creates the demo accounts with the demo password and their scope", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { roles: { include: { gemeente: true, regio: true } } },
      });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.passwordHash!, "verkeerd-wachtwoord")).toBe(false);
      expect(user.roles).toHaveLength(1);
      expect(user.roles[0]!.role).toBe(account.role);
      expect(user.roles[0]!.gemeente?.slug).toBe(account.gemeente);
      expect(user.roles[0]!.regio?.slug).toBe(account.regio);
    }
  });

  it("gives the demo beheerder the second factor published in the README, so that no visitor can claim the account", async () => {
    const beheerder = await db.prisma.user.findUniqueOrThrow({ where: { email: "beheer@zelfscan.example" } });
    expect(beheerder.totpEnabled).toBe(true);
    expect(beheerder.totpSecret).not.toContain(DEMO_BEHEERDER_TOTP_SECRET);
    expect(readTotpSecret(beheerder)).toBe(DEMO_BEHEERDER_TOTP_SECRET);
    expect(await readFile("README.md", "utf8")).toContain(DEMO_BEHEERDER_TOTP_SECRET);
    // Nothing to set up: the first login asks for a code, and a code of the published key works.
    const login = (code?: string) => loginWithPassword(db.prisma, { email: beheerder.email, password: DEMO_PASSWORD, code, ip: null });
    expect(await pendingTotpSetup(db.prisma, beheerder)).toBeNull();
    expect(await login()).toEqual({ ok: false, reason: "code-required" });
    expect(await login(await totpCodeAt(DEMO_BEHEERDER_TOTP_SECRET, unixSeconds()))).toEqual({ ok: true, userId: beheerder.id, mfaSatisfied: true });
    // The other demo accounts have no factor, so that a first look takes a minute.
    expect(await db.prisma.user.count({ where: { totpEnabled: true } })).toBe(1);
  });

  it("fills in complete, varied scans for all nine Haaglanden municipalities in the first round", async () => {
    const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
    const scans = await db.prisma.zelfscan.findMany({
      where: { meetronde: { name: "Nulmeting 2021" } },
      include: { answers: true },
    });
    expect(scans).toHaveLength(9);
    const allScores = new Set<number | null>();
    for (const scan of scans) {
      expect(scan.status).toBe("INGEDIEND");
      expect(scan.frameworkVersion).toBe(framework.version);
      expect(scan.answers.map((answer) => answer.onderdeelId).sort()).toEqual(framework.onderdelen.map((onderdeel) => onderdeel.id).sort());
      for (const answer of scan.answers) {
        allScores.add(answer.score);
        // A submitted scan has a toelichting wherever the framework requires one.
        if (answer.weetIkNiet || (answer.score ?? 0) < framework.scale.max) expect(answer.toelichting.length).toBeGreaterThan(10);
      }
    }
    expect(allScores).toEqual(new Set([0, 1, 2, 3, null]));
  });

  it("fills the in-app mailbox with what the demo's events would have sent", async () => {
    const messages = await db.prisma.message.findMany({ orderBy: [{ kind: "asc" }, { to: "asc" }, { subject: "asc" }] });
    // Delivered to the mailbox inside the app, as a demo without SMTP_URL delivers.
    for (const message of messages) {
      expect(message).toMatchObject({ status: "VERZONDEN", transport: "POSTVAK", attempts: 1, secret: false, lastError: null });
      expect(message.sentAt).toEqual(message.createdAt);
      expect(message.text).toContain("Met vriendelijke groet,\nZelfscan Werken aan Veiligheid");
      expect(message.text).toMatch(/Meld u af: http:\/\/localhost:\d+\/afmelden\?t=/);
      expect(message.html).toContain('<html lang="nl">');
    }

    // The nine "scan submitted" mails of Nulmeting 2021 to the Haaglanden project leader, at the moment of each submission.
    const leader = await db.prisma.user.findUniqueOrThrow({ where: { email: "projectleider@haaglanden.example" } });
    const submitted = await db.prisma.zelfscan.findMany({ where: { meetronde: { name: "Nulmeting 2021" } }, include: { gemeente: true } });
    const ingediend = messages.filter((message) => message.kind === "ZELFSCAN_INGEDIEND");
    expect(ingediend).toHaveLength(9);
    for (const scan of submitted) {
      // The key of the live event (lib/mail/dedupe-keys.ts): a live run never writes it again.
      const message = ingediend.find((candidate) => candidate.dedupeKey === dedupeKey.zelfscanIngediend(scan.id, scan.submittedAt!, leader.id))!;
      expect(message).toMatchObject({ to: leader.email, userId: leader.id, gemeenteId: scan.gemeenteId, regioId: scan.gemeente.regioId });
      expect(message.subject).toBe(`Gemeente ${scan.gemeente.name} heeft de zelfscan Nulmeting 2021 ingediend`);
      expect(message.sentAt).toEqual(scan.submittedAt);
      expect(message.text).toContain(`Gemeente ${scan.gemeente.name} · regio Haaglanden`);
      expect(message.text).toContain(`/zelfscans/${scan.id}`);
    }

    // "Round opened" of the two open rounds to the demo's officers of their gemeenten.
    const geopend = messages.filter((message) => message.kind === "MEETRONDE_GEOPEND");
    expect(geopend.map((message) => [message.to, message.subject])).toEqual([
      ["beleid@delft.example", "Meetronde Herhaalmeting 2026 is geopend"],
      ["beleid@leiden.example", "Meetronde Zelfscan 2026 is geopend"],
      ["beleid@rijswijk.example", "Meetronde Herhaalmeting 2026 is geopend"],
      ["collega@delft.example", "Meetronde Herhaalmeting 2026 is geopend"],
    ]);
    expect(geopend[0]!.text).toContain("De deadline is 29 januari 2027.");
    expect(geopend[1]!.text).toContain("Gemeente Leiden · regio Hollands Midden");
    // Nothing else yet: no reminder is due on 2 December 2026, and the demo has no comments.
    expect(messages).toHaveLength(13);

    // Names, dates and links only: no answer's toelichting, no score in any body.
    const toelichtingen = await db.prisma.answer.findMany({ select: { toelichting: true }, distinct: ["toelichting"] });
    for (const message of messages) {
      for (const { toelichting } of toelichtingen) if (toelichting) expect(message.text).not.toContain(toelichting);
      expect(message.text).not.toMatch(/score/i);
    }
  });

  it("gives collega@delft.example assignments in Delft's open scan: one eis due within 3 days, one in 3 weeks, one onderdeel overdue", async () => {
    const rows = await db.prisma.assignment.findMany({
      where: { user: { email: "collega@delft.example" }, zelfscan: { gemeente: { slug: "delft" }, meetronde: { status: "OPEN" } } },
      orderBy: { onderdeelId: "asc" },
    });
    const days = (row: (typeof rows)[number]) => Math.round((row.dueOn!.getTime() - SEEDED_AT.getTime()) / 86_400_000);
    expect(rows.filter((row) => row.onderdeelId.startsWith("8")).every((row) => days(row) >= 0 && days(row) <= 3)).toBe(true);
    expect(rows.filter((row) => row.onderdeelId.startsWith("10")).every((row) => days(row) >= 20)).toBe(true);
    expect(rows.find((row) => row.onderdeelId === "9")!.dueOn!.getTime()).toBeLessThan(SEEDED_AT.getTime());
    const coordinator = await db.prisma.user.findUniqueOrThrow({ where: { email: "beleid@delft.example" } });
    expect(rows.every((row) => row.assignedById === coordinator.id)).toBe(true);
    expect(rows).toHaveLength(10 + 7 + 1);
  });

  it("puts documents on several of Delft's answers in the open round, the regiovisie on eisen 1, 2 and 10, with their files in the store", async () => {
    const scan = await db.prisma.zelfscan.findFirstOrThrow({ where: { gemeente: { slug: "delft" }, meetronde: { status: "OPEN" } } });
    const documents = await db.prisma.document.findMany({
      where: { gemeente: { slug: "delft" } },
      orderBy: { title: "asc" },
      include: { versies: { orderBy: { nummer: "asc" } }, koppelingen: { orderBy: { onderdeelId: "asc" } } },
    });
    expect(documents.map((document) => [document.title, document.versies.length, document.koppelingen.map((link) => link.onderdeelId)])).toEqual([
      ["Inkoopvoorwaarden wijkteams 2025", 1, ["2", "5"]],
      ["Regiovisie Haaglanden 2023-2026", 1, ["1", "10b", "2"]],
      ["Samenwerkingsafspraken Veilig Thuis Haaglanden", 2, ["10c", "7f"]],
    ]);
    for (const document of documents) for (const link of document.koppelingen) expect(link.zelfscanId).toBe(scan.id);
    // No other gemeente has documents.
    expect(await db.prisma.document.count({ where: { gemeente: { slug: { not: "delft" } } } })).toBe(0);
    // Every version's file is in the store with the recorded size and hash, and is what its type says.
    const kinds = [];
    for (const versie of documents.flatMap((document) => document.versies)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await store.get(versie.storageKey)) chunks.push(chunk as Buffer);
      const content = Buffer.concat(chunks);
      expect(content.length).toBe(versie.size);
      expect(createHash("sha256").update(content).digest("hex")).toBe(versie.sha256);
      expect((await fileTypeFromBuffer(content))?.mime).toBe(versie.mediaType);
      kinds.push(versie.mediaType);
    }
    expect(kinds.sort()).toEqual([
      "application/pdf",
      "application/pdf",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    const regiovisie = documents.find((document) => document.title.startsWith("Regiovisie"))!.versies[0]!;
    expect(await text(await store.get(regiovisie.storageKey))).toContain("(Regiovisie Haaglanden 2023-2026) Tj");
    const inkoop = documents.find((document) => document.title.startsWith("Inkoop"))!.versies[0]!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(await store.get(inkoop.storageKey));
    expect(workbook.getWorksheet("Inkoopvoorwaarden")!.getRow(1).values).toEqual([undefined, "Voorwaarde", "Eis van het kwaliteitskader", "Gemeten"]);
  });

  it("gives the demo's actions a level, so that Delft's open scan shows a projected score above its current one", async () => {
    const acties = await db.prisma.verbeteractie.findMany({ where: { zelfscan: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026" } } } });
    expect(acties.map((actie) => actie.doelscore)).toEqual([3, 2, 3]);
    const scan = await db.prisma.zelfscan.findFirstOrThrow({
      where: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026" } },
      include: { answers: true },
    });
    const projection = projectScan(scoreScan(getFramework(scan.frameworkVersion), scan.answers), acties);
    expect(projection.requirements.some((requirement) => requirement.projected! > requirement.current!)).toBe(true);
    expect(await db.prisma.verbeteractie.count({ where: { doelscore: null } })).toBe(0);
  });

  it("lets Den Haag and Zoetermeer share their good examples in the learning network, nobody else", async () => {
    const sharing = await db.prisma.gemeente.findMany({ where: { deeltVoorbeelden: true }, orderBy: { slug: "asc" } });
    expect(sharing.map((gemeente) => gemeente.slug)).toEqual([...DEMO_SHARING].sort());
  });

  it("is idempotent: seeding again adds nothing", async () => {
    const before = await counts(db);
    const { created } = await seed(SEEDED_AT);
    expect(created).toBe(0);
    expect(await counts(db)).toEqual(before);
    // Nor any file.
    const files = [];
    for await (const file of store.list()) files.push(file.key);
    expect(files).toHaveLength(before.documentVersie);
  });

  it("adds the 14-day reminders to officers whose scan is not submitted, once, when the demo is seeded after they were due", async () => {
    const later = new Date("2027-01-16T09:00:00Z");
    const { created } = await seed(later);
    const reminders = await db.prisma.message.findMany({ where: { kind: "HERINNERING" }, orderBy: { to: "asc" } });
    expect(created).toBe(reminders.length);
    // Herhaalmeting 2026 (29 January): Delft's scan is a draft, Rijswijk has none. Zelfscan 2026
    // of Hollands Midden ends 26 February: its first reminder is not due yet.
    expect(reminders.map((message) => [message.to, message.subject])).toEqual([
      ["beleid@delft.example", "Herinnering: de zelfscan Herhaalmeting 2026 moet uiterlijk 29 januari 2027 zijn ingediend"],
      ["beleid@rijswijk.example", "Herinnering: de zelfscan Herhaalmeting 2026 moet uiterlijk 29 januari 2027 zijn ingediend"],
      ["collega@delft.example", "Herinnering: de zelfscan Herhaalmeting 2026 moet uiterlijk 29 januari 2027 zijn ingediend"],
    ]);
    // The keys of the live reminder run (lib/mail/reminders.ts): the run at start-up writes none of them again.
    expect(await runReminders(db, later)).toBe(0);
    // At 08:00 in the Netherlands, 14 days before the deadline's day.
    for (const reminder of reminders) expect(reminder.sentAt).toEqual(new Date("2027-01-15T07:00:00Z"));
    expect(reminders[0]!.text).toContain("De zelfscan van gemeente Delft is nog niet ingediend.");
    expect(reminders[0]!.text).toContain("De deadline van de meetronde Herhaalmeting 2026 is over 14 dagen, op 29 januari 2027.");
    expect(reminders[1]!.text).toContain("De zelfscan van gemeente Rijswijk is nog niet gestart.");
    expect(reminders[2]!.text).toContain("De zelfscan van gemeente Delft is nog niet ingediend.");
    expect((await seed(later)).created).toBe(0);
  });
});
