// Failed logins slow down progressively per account and per address, with the counters in the
// database, on both databases: the delays grow and are capped, a stranger's wrong passwords do not
// keep the owner out, guessing stays bounded (also in parallel and from many addresses), and every
// refusal is audited. Most tests use a policy with one-second steps so that they can really wait;
// one checks the real policy's first steps.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginWithPassword, type LoginResult } from "@/lib/auth/login";
import { loginErrorMessage, slowDownCode } from "@/lib/shared/auth/login-messages";
import type { LoginThrottlePolicy } from "@/lib/auth/rate-limit";
import { createSession } from "@/lib/auth/sessions";
import { createRegio, createUser, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const PASSWORD = "Vertraagd-inloggen-2026";
const QUICK: LoginThrottlePolicy = {
  account: { freeFailures: 2, baseMs: 1_000, capMs: 4_000, windowSeconds: 3600 },
  address: { freeFailures: 6, baseMs: 1_000, capMs: 8_000, windowSeconds: 3600 },
  freshAddressesPerAccount: 2,
};

function waitOf(result: LoginResult): number {
  expect(result).toMatchObject({ ok: false, reason: "rate-limited" });
  return result.ok === false && result.reason === "rate-limited" ? result.retryAfterMs : Number.NaN;
}

describe.each(DATABASE_KINDS)("progressive login slow-down on the %s database", (kind) => {
  let db: TestDatabase;
  // The accounts each test tries, with PASSWORD: officers of a gemeente of their own.
  const accounts = { slowed: "", owner: "", guessed: "", realPolicy: "" };
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const regio = await createRegio(db.prisma, { gemeenten: 4 });
    for (const [index, key] of (["slowed", "owner", "guessed", "realPolicy"] as const).entries()) {
      accounts[key] = (await createUser(db.prisma, { password: PASSWORD, grants: [officerOf(regio.gemeenten[index]!)] })).email;
    }
  });
  afterAll(() => db?.drop());

  const attempt = (email: string, password: string, ip: string | null, policy: LoginThrottlePolicy = QUICK) =>
    loginWithPassword(db.prisma, { email, password, ip }, policy);
  const checked = (email: string) => db.prisma.auditEntry.count({ where: { action: "auth.inloggen-mislukt", details: { path: ["email"], equals: email } } });

  it("wrong passwords slow the account down step by step up to the cap; during a wait nothing is checked; the owner gets in after it", async () => {
    const email = accounts.slowed;
    const ip = "198.51.100.10";
    for (let n = 1; n <= 3; n++) expect(await attempt(email, `fout-${n}`, ip)).toEqual({ ok: false, reason: "invalid" });

    // The third failure took the account's slot for 1 s: the next attempt is not even checked, the right password neither.
    const first = waitOf(await attempt(email, "fout-4", ip));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(1_000);
    expect(await attempt(email, PASSWORD, ip)).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
    expect(await checked(email)).toBe(3);
    const refused = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.inloggen-vertraagd" }, orderBy: { at: "desc" } });
    expect(refused).toMatchObject({ targetType: "Account", ip });
    expect(refused.details).toMatchObject({ email, door: "account", wachttijdSeconden: 1, misluktePogingen: 3 });

    // Each further failure doubles the wait: 2 s, then 4 s, then stays at the cap of 4 s.
    const waits: number[] = [];
    for (let n = 4; n <= 6; n++) {
      await sleep(waitOf(await attempt(email, "te vroeg", ip)) + 50);
      expect(await attempt(email, `fout-${n}`, ip)).toEqual({ ok: false, reason: "invalid" });
      waits.push(waitOf(await attempt(email, "te vroeg", ip)));
    }
    expect(waits[0]).toBeGreaterThan(1_000);
    expect(waits[0]).toBeLessThanOrEqual(2_000);
    expect(waits[1]).toBeGreaterThan(3_000);
    expect(waits[2]).toBeGreaterThan(3_000);
    expect(waits[2]).toBeLessThanOrEqual(4_000);
    expect(await checked(email)).toBe(6);
    const failure = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.inloggen-mislukt" }, orderBy: { at: "desc" } });
    expect(failure.details).toMatchObject({ email, reden: "onjuist wachtwoord", misluktePogingenAccount: 6, volgendePogingNaSeconden: 4 });

    // The owner waits at most the cap, then the right password works.
    await sleep(waits[2]! + 50);
    expect(await attempt(email, PASSWORD, ip)).toMatchObject({ ok: true });
  });

  it("a stranger's wrong passwords do not keep the owner out: from a fresh or a known address the right password works at once", async () => {
    const email = accounts.owner;
    const owner = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const stranger = "203.0.113.66";
    let guess = 0;
    /** The stranger keeps guessing until one guess is checked again, which takes the account's slot anew. */
    const strangerFails = async () => {
      for (let tries = 0; tries < 10; tries++) {
        const result = await attempt(email, `raden-${++guess}`, stranger);
        if (result.ok === false && result.reason === "invalid") return;
        await sleep(waitOf(result) + 20);
      }
      throw new Error("the stranger never got a check");
    };
    for (let n = 1; n <= 3; n++) await strangerFails();
    await strangerFails();
    expect(waitOf(await attempt(email, "raden-nu", stranger))).toBeGreaterThan(0);

    // From an address without failures (the owner at home): checked and accepted at once, and audited.
    expect(await attempt(email, PASSWORD, "198.51.100.20")).toMatchObject({ ok: true, userId: owner.id });
    const inDuring = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.ingelogd-tijdens-vertraging" }, orderBy: { at: "desc" } });
    expect(inDuring).toMatchObject({ actorId: owner.id, targetId: owner.id, ip: "198.51.100.20" });

    // From the owner's usual address (a colleague there mistyped another account): known, so accepted at once too.
    const office = "198.51.100.21";
    await createSession(db.prisma, { userId: owner.id, method: "password", mfaSatisfied: true, ip: office });
    await attempt("iemand.anders@leiden.example", "verkeerd", office);
    await strangerFails();
    expect(await attempt(email, PASSWORD, office)).toMatchObject({ ok: true, userId: owner.id });

    // The owner's sign-ins did not give the stranger fresh free attempts.
    expect(await attempt(email, "raden-nu", stranger)).toMatchObject({ reason: "rate-limited", scope: "account" });

    // From an address with a failure of its own that never signed in: the owner waits like anyone, at most the cap.
    const cafe = "198.51.100.22";
    await attempt("nog.iemand@leiden.example", "verkeerd", cafe);
    const wait = waitOf(await attempt(email, PASSWORD, cafe));
    expect(wait).toBeLessThanOrEqual(QUICK.account.capMs);
    await sleep(wait + 50);
    expect(await attempt(email, PASSWORD, cafe)).toMatchObject({ ok: true, userId: owner.id });
  });

  it("guessing stays bounded: parallel attempts get one check, and only a few fresh addresses are checked during a slow-down", async () => {
    const email = accounts.guessed;
    const guesser = "203.0.113.77";
    for (let n = 1; n <= 3; n++) await attempt(email, `raden-${n}`, guesser);
    expect(await checked(email)).toBe(3);
    await sleep(waitOf(await attempt(email, "raden", guesser)) + 50);

    // Twenty guesses at once once the wait is over: one of them is checked.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, n) => attempt(email, `parallel-${n}`, guesser)));
    expect(burst.filter((result) => result.ok === false && result.reason === "invalid")).toHaveLength(1);
    expect(burst.filter((result) => result.ok === false && result.reason === "rate-limited")).toHaveLength(19);
    expect(await checked(email)).toBe(4);

    // New addresses get a check while the account waits, but only two per window (the test policy's number).
    const fresh = await Promise.all(["192.0.2.31", "192.0.2.32", "192.0.2.33", "192.0.2.34"].map((ip) => attempt(email, `vers-${ip}`, ip)));
    expect(fresh.filter((result) => result.ok === false && result.reason === "invalid")).toHaveLength(2);
    expect(fresh.filter((result) => result.ok === false && result.reason === "rate-limited")).toHaveLength(2);
    expect(await checked(email)).toBe(6);
  });

  it("one address trying many accounts is slowed down by the stricter address limit, for every account", async () => {
    const sprayer = "2001:db8:aa:bb::1";
    for (let n = 1; n <= 7; n++) expect(await attempt(`spray-${n}@voorbeeld.example`, "Welkom2026!", sprayer)).toEqual({ ok: false, reason: "invalid" });
    // The same /64 network counts as the same address.
    const refused = await attempt("spray-8@voorbeeld.example", "Welkom2026!", "2001:db8:aa:bb:ffff::2");
    expect(refused).toMatchObject({ ok: false, reason: "rate-limited", scope: "adres" });
    expect(waitOf(refused)).toBeLessThanOrEqual(1_000);
    expect(await attempt(accounts.slowed, PASSWORD, sprayer)).toMatchObject({ reason: "rate-limited", scope: "adres" });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.inloggen-vertraagd" }, orderBy: { at: "desc" } });
    expect(entry.details).toMatchObject({ door: "adres" });
    expect(loginErrorMessage(slowDownCode(waitOf(refused), "adres"))).toContain("Vanaf uw netwerk");
  });

  it("with the real policy: four free failures, then a 5 s wait; an unknown account is slowed down the same way", async () => {
    for (const email of [accounts.realPolicy, "bestaat.niet@voorbeeld.example"]) {
      const ip = email.startsWith("bestaat") ? "192.0.2.90" : "192.0.2.91";
      for (let n = 1; n <= 5; n++) {
        expect(await loginWithPassword(db.prisma, { email, password: `fout-${n}`, ip })).toEqual({ ok: false, reason: "invalid" });
      }
      const wait = waitOf(await loginWithPassword(db.prisma, { email, password: "fout-6", ip }));
      expect(wait).toBeGreaterThan(4_000);
      expect(wait).toBeLessThanOrEqual(5_000);
    }
    // The counters are rows in the database, where every instance of the app reads them.
    const keys = (await db.prisma.rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys).toEqual(
      expect.arrayContaining(["login-account:bestaat.niet@voorbeeld.example", "login-account-slot:bestaat.niet@voorbeeld.example", "login-address:192.0.2.90"]),
    );
  });
});
