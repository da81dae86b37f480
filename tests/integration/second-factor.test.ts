// The second factor on both databases, with users the suite makes itself: a beheerder's password login does not
// satisfy it, set-up switches it on with recovery codes, codes and recovery codes work once (also
// when two requests race), and a wrong code counts as a failed login.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginWithPassword } from "@/lib/auth/login";
import { confirmTotpSetup, pendingTotpSetup, renewRecoveryCodes, verifySecondFactor, WRONG_TOTP_CODE } from "@/lib/auth/second-factor";
import { invalid } from "@/lib/shared/result";
import { createSession, loadSession } from "@/lib/auth/sessions";
import { timeStepAt, unixSeconds } from "@/lib/auth/totp";
import { BEHEERDER as BEHEERDER_GRANT, createRegio, createUser, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const PASSWORD = "Zelfscan-Demo-2026";
// A beheerder without a factor yet, as a new installation's first beheerder (npm run beheerder) or
// one whose factor was reset.
const BEHEERDER = "nieuwe-beheerder@zelfscan.example";

describe.each(DATABASE_KINDS)("second factor on the %s database", (kind) => {
  let db: TestDatabase;
  // Three officers of gemeenten (who need no second factor to log in), each for one test.
  const officers: { email: string }[] = [];
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const regio = await createRegio(db.prisma, { gemeenten: 3 });
    await createUser(db.prisma, { email: BEHEERDER, name: "Nieuwe Beheerder", password: PASSWORD, grants: [BEHEERDER_GRANT] });
    for (const gemeente of regio.gemeenten) officers.push(await createUser(db.prisma, { password: PASSWORD, grants: [officerOf(gemeente)] }));
  });
  afterAll(() => db?.drop());

  const login = (code?: string) => loginWithPassword(db.prisma, { email: BEHEERDER, password: PASSWORD, code, ip: "192.0.2.7" });

  it("sets up the factor for a beheerder, after which a code is needed and works once", async () => {
    const first = await login();
    expect(first).toMatchObject({ ok: true, mfaSatisfied: false });
    const officer = await loginWithPassword(db.prisma, { email: officers[0]!.email, password: PASSWORD, ip: null });
    expect(officer).toMatchObject({ ok: true, mfaSatisfied: true });

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: BEHEERDER } });
    const setup = (await pendingTotpSetup(db.prisma, user))!;
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    // The same secret on a reload, and stored encrypted, never in plain text.
    expect((await pendingTotpSetup(db.prisma, user))!.secret).toBe(setup.secret);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(setup.secret);
    expect(stored.totpEnabled).toBe(false);

    const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: false });
    expect(await confirmTotpSetup(db.prisma, { userId: user.id, sessionId, values: { code: "000000" } })).toEqual(invalid({ code: WRONG_TOTP_CODE }));
    expect((await loadSession(db, sessionId))!.mfaSatisfied).toBe(false);

    const step = timeStepAt(unixSeconds());
    const code = await generate({ secret: setup.secret, epoch: step * 30 });
    const confirmed = await confirmTotpSetup(db.prisma, { userId: user.id, sessionId, values: { code } });
    expect(confirmed.status).toBe("ok");
    const recoveryCodes = confirmed.status === "ok" ? confirmed.data.recoveryCodes : [];
    expect(recoveryCodes).toHaveLength(10);
    expect((await loadSession(db, sessionId))!.mfaSatisfied).toBe(true);
    expect(await pendingTotpSetup(db.prisma, user)).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.tweede-factor-ingesteld", targetId: user.id } })).toBe(1);

    // Now the password alone is not enough, and the code of the set-up cannot be used again.
    expect(await login()).toEqual({ ok: false, reason: "code-required" });
    expect(await login(code)).toEqual({ ok: false, reason: "code-invalid" });
    const next = await generate({ secret: setup.secret, epoch: (step + 1) * 30 });
    expect(await login(next)).toEqual({ ok: true, userId: user.id, mfaSatisfied: true });

    // Two parallel uses of one recovery code: exactly one succeeds.
    const results = await Promise.all([verifySecondFactor(db.prisma, user.id, recoveryCodes[0]!), verifySecondFactor(db.prisma, user.id, recoveryCodes[0]!)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await verifySecondFactor(db.prisma, user.id, recoveryCodes[0]!)).toBe(false);
    expect(await db.prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("two parallel logins with the same code: only one gets in", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: officers[1]!.email } });
    const setup = (await pendingTotpSetup(db.prisma, user))!;
    const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
    const step = timeStepAt(unixSeconds());
    const confirmed = await confirmTotpSetup(db.prisma, {
      userId: user.id,
      sessionId,
      values: { code: await generate({ secret: setup.secret, epoch: (step - 1) * 30 }) },
    });
    expect(confirmed.status).toBe("ok");
    const code = await generate({ secret: setup.secret, epoch: step * 30 });
    const logins = await Promise.all([1, 2, 3].map(() => loginWithPassword(db.prisma, { email: user.email, password: PASSWORD, code, ip: null })));
    expect(logins.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.inloggen-mislukt", targetId: user.id } })).toBe(2);
  });

  it("new recovery codes replace the old ones, only after a valid code", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: officers[2]!.email } });
    const setup = (await pendingTotpSetup(db.prisma, user))!;
    const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
    const step = timeStepAt(unixSeconds());
    const confirmed = await confirmTotpSetup(db.prisma, {
      userId: user.id,
      sessionId,
      values: { code: await generate({ secret: setup.secret, epoch: (step - 1) * 30 }) },
    });
    const oldCodes = confirmed.status === "ok" ? confirmed.data.recoveryCodes : [];
    expect(await renewRecoveryCodes(db.prisma, { userId: user.id, values: { code: "123456" } })).toEqual(invalid({ code: WRONG_TOTP_CODE }));
    expect(await verifySecondFactor(db.prisma, user.id, oldCodes[0]!)).toBe(true);
    const renewed = await renewRecoveryCodes(db.prisma, { userId: user.id, values: { code: await generate({ secret: setup.secret, epoch: step * 30 }) } });
    expect(renewed.status).toBe("ok");
    expect(await verifySecondFactor(db.prisma, user.id, oldCodes[1]!)).toBe(false);
    expect(await db.prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    if (renewed.status === "ok") expect(await verifySecondFactor(db.prisma, user.id, renewed.data.recoveryCodes[0]!)).toBe(true);
  });
});
