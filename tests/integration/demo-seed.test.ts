import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginWithPassword } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { pendingTotpSetup, readTotpSecret } from "@/lib/auth/second-factor";
import { totpCodeAt, unixSeconds } from "@/lib/auth/totp";
import { DEMO_ACCOUNTS, DEMO_BEHEERDER_TOTP_SECRET, DEMO_PASSWORD } from "@/lib/demo/data";
import { seedDemoData } from "@/lib/demo/seed";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
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
  };
}

describe.each(DATABASE_KINDS)("demo seed on the %s database", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("creates Haaglanden with its nine municipalities and Hollands Midden", async () => {
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
  });

  it("creates the six demo accounts with the demo password and their scope", async () => {
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

  it("is idempotent: seeding again adds nothing", async () => {
    const before = await counts(db);
    const { created } = await seedDemoData(db.prisma);
    expect(created).toBe(0);
    expect(await counts(db)).toEqual(before);
  });
});
