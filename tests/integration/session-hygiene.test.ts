// Session hygiene (issue 12, point 5) on both databases: a new login in a browser ends the session
// that browser still had; a signed-in user changes their own password with the current one, after
// which every other session ends and this one stays; the demo accounts keep their published password.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginWithPassword } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { CHANGE_FAILURES_ALLOWED, changeOwnPassword, SIGNED_OUT_MESSAGE } from "@/lib/auth/password-change";
import { invalid, notFound, ok } from "@/lib/shared/result";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { applicationSecret } from "@/lib/auth/secret";
import { PLAIN_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { createSession, endEarlierSession, loadSession } from "@/lib/auth/sessions";
import { createRegio, createUser, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const OLD_PASSWORD = "fietsen langs de Schie in de zomer";
const NEW_PASSWORD = "een nieuwe zin voor een nieuw jaar";

describe.each(DATABASE_KINDS)("session hygiene on the %s database", (kind) => {
  let db: TestDatabase;
  let gemeente: { id: string };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    gemeente = (await createRegio(db.prisma, { gemeenten: 1 })).gemeenten[0]!;
  });
  afterAll(() => db?.drop());

  const newOfficer = () => createUser(db.prisma, { grants: [officerOf(gemeente)], password: OLD_PASSWORD });

  const cookieFor = async (userId: string, sid: string, name = PLAIN_SESSION_COOKIE) =>
    `andere=1; ${name}=${await encode({ token: { sub: userId, sid }, secret: applicationSecret() })}`;

  it("a new login in the same browser ends the session that browser still had, audited", async () => {
    const first = await newOfficer();
    const second = await newOfficer();
    const earlier = await createSession(db.prisma, { userId: first.id, method: "password", mfaSatisfied: true });
    const elsewhere = await createSession(db.prisma, { userId: first.id, method: "password", mfaSatisfied: true });
    const header = await cookieFor(first.id, earlier);

    expect(await endEarlierSession(db.prisma, { cookieHeader: header, ip: "192.0.2.9", newUserId: second.id })).toBe(true);
    expect(await loadSession(db, earlier)).toBeNull();
    // Only the browser's own session: the same user's session in another browser stays.
    expect(await loadSession(db, elsewhere)).not.toBeNull();
    const entries = await db.prisma.auditEntry.findMany({ where: { action: "auth.sessie-beeindigd", targetId: first.id } });
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: second.id,
        targetType: "User",
        targetId: first.id,
        ip: "192.0.2.9",
        details: expect.objectContaining({ zelfdeGebruiker: false }),
      }),
    ]);

    // Again with the same cookie, or with a cookie that is not ours: nothing happens.
    expect(await endEarlierSession(db.prisma, { cookieHeader: header, newUserId: second.id })).toBe(false);
    expect(await endEarlierSession(db.prisma, { cookieHeader: `${PLAIN_SESSION_COOKIE}=vervalst.token`, newUserId: second.id })).toBe(false);
    expect(await endEarlierSession(db.prisma, { cookieHeader: undefined, newUserId: second.id })).toBe(false);
    const forged = await encode({ token: { sub: first.id, sid: elsewhere }, secret: "een-ander-geheim-van-minstens-32-tekens!!" });
    expect(await endEarlierSession(db.prisma, { cookieHeader: `${PLAIN_SESSION_COOKIE}=${forged}`, newUserId: second.id })).toBe(false);
    expect(await loadSession(db, elsewhere)).not.toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.sessie-beeindigd", targetId: first.id } })).toBe(1);
  });

  it("changes the password with the current one: other sessions end, this one stays, audited", async () => {
    const user = await newOfficer();
    const current = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
    const others = await Promise.all([1, 2].map(() => createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true })));
    const bystander = await newOfficer();
    const bystanderSession = await createSession(db.prisma, { userId: bystander.id, method: "password", mfaSatisfied: true });
    const change = (values: unknown) => changeOwnPassword(db.prisma, { userId: user.id, sessionId: current }, values, { ip: "192.0.2.10" });
    const hashBefore = (await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    // Refused, with nothing changed: a wrong current password, a common, repeated or mismatched new one.
    expect(await change({ currentPassword: "niet mijn wachtwoord", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).toEqual(
      invalid({ currentPassword: PASSWORD_MESSAGES.currentWrong }),
    );
    expect(await change({ currentPassword: OLD_PASSWORD, password: "Qwerty123456", passwordConfirm: "Qwerty123456" })).toEqual(
      invalid({ password: PASSWORD_MESSAGES.common }),
    );
    expect(await change({ currentPassword: OLD_PASSWORD, password: OLD_PASSWORD, passwordConfirm: OLD_PASSWORD })).toEqual(
      invalid({ password: PASSWORD_MESSAGES.sameAsCurrent }),
    );
    expect(await change({ currentPassword: OLD_PASSWORD, password: NEW_PASSWORD, passwordConfirm: "iets anders dan dat" })).toEqual(
      invalid({ passwordConfirm: PASSWORD_MESSAGES.mismatch }),
    );
    expect(await change({ currentPassword: "", password: "kort", passwordConfirm: "kort" })).toEqual(
      invalid({ currentPassword: PASSWORD_MESSAGES.currentRequired, password: PASSWORD_MESSAGES.tooShort }),
    );
    expect(await change({ currentPassword: OLD_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, userId: bystander.id })).toMatchObject({
      status: "invalid",
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    for (const id of [current, ...others]) expect(await loadSession(db, id)).not.toBeNull();
    expect(await db.prisma.auditEntry.findMany({ where: { action: "auth.wachtwoord-wijzigen-mislukt", actorId: user.id } })).toEqual([
      expect.objectContaining({ targetType: "User", targetId: user.id, ip: "192.0.2.10" }),
    ]);

    expect(await change({ currentPassword: OLD_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).toEqual(
      ok({ otherSessionsEnded: 2 }, "Uw wachtwoord is gewijzigd. U bent uitgelogd op 2 andere apparaten of browsers."),
    );
    expect(await loadSession(db, current)).not.toBeNull();
    for (const id of others) expect(await loadSession(db, id)).toBeNull();
    expect(await loadSession(db, bystanderSession)).not.toBeNull();
    expect(await db.prisma.auditEntry.findMany({ where: { action: "auth.wachtwoord-gewijzigd", targetId: user.id } })).toEqual([
      expect.objectContaining({ actorId: user.id, targetType: "User", ip: "192.0.2.10", details: { andereSessiesBeeindigd: 2 } }),
    ]);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await loginWithPassword(db.prisma, { email: user.email, password: OLD_PASSWORD, ip: null })).toMatchObject({ ok: false });
    expect(await loginWithPassword(db.prisma, { email: user.email, password: NEW_PASSWORD, ip: null })).toMatchObject({ ok: true, userId: user.id });
    // The bystander's password is untouched.
    expect(await verifyPassword((await db.prisma.user.findUniqueOrThrow({ where: { id: bystander.id } })).passwordHash!, OLD_PASSWORD)).toBe(true);
  });

  it("changes nothing through a session that is not the user's own, or has ended", async () => {
    const user = await newOfficer();
    const other = await newOfficer();
    const otherSession = await createSession(db.prisma, { userId: other.id, method: "password", mfaSatisfied: true });
    const values = { currentPassword: OLD_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
    expect(await changeOwnPassword(db.prisma, { userId: user.id, sessionId: otherSession }, values)).toEqual(notFound(SIGNED_OUT_MESSAGE));
    const ended = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
    await db.prisma.session.update({ where: { id: ended }, data: { revokedAt: new Date() } });
    expect(await changeOwnPassword(db.prisma, { userId: user.id, sessionId: ended }, values)).toEqual(notFound(SIGNED_OUT_MESSAGE));
    expect(await verifyPassword((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, OLD_PASSWORD)).toBe(true);
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.wachtwoord-gewijzigd", targetId: user.id } })).toBe(0);
  });

  it(`ends the session after ${CHANGE_FAILURES_ALLOWED} wrong current passwords, so that guessing meets the login limit`, async () => {
    const user = await newOfficer();
    const session = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
    const wrong = { currentPassword: "geraden wachtwoord", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
    for (let i = 1; i < CHANGE_FAILURES_ALLOWED; i++) {
      expect((await changeOwnPassword(db.prisma, { userId: user.id, sessionId: session }, wrong)).status).toBe("invalid");
    }
    expect(await changeOwnPassword(db.prisma, { userId: user.id, sessionId: session }, wrong)).toEqual(notFound(SIGNED_OUT_MESSAGE));
    expect(await loadSession(db, session)).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.sessie-beeindigd", targetId: user.id } })).toBe(1);
  });

  it("keeps the published password of the demo accounts on a demo", async () => {
    // A demo account (lib/demo/data.ts), with the password the README publishes for it.
    const demo = await createUser(db.prisma, { email: "beleid@delft.example", grants: [officerOf(gemeente)], password: "Zelfscan-Demo-2026" });
    const session = await createSession(db.prisma, { userId: demo.id, method: "password", mfaSatisfied: true });
    const result = await changeOwnPassword(
      db.prisma,
      { userId: demo.id, sessionId: session },
      { currentPassword: "Zelfscan-Demo-2026", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    );
    expect(result).toMatchObject({ status: "locked", message: expect.stringContaining("demo") });
    expect(await verifyPassword((await db.prisma.user.findUniqueOrThrow({ where: { id: demo.id } })).passwordHash!, "Zelfscan-Demo-2026")).toBe(true);
  });
});
