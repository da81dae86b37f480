// npm run beheerder -- <e-mail> "<naam>" [--tweede-factor-resetten]
//
// The way in for a new installation (there is no demo data in production) and the way back for a
// beheerder who lost the password or the authenticator app: makes sure the account exists with
// the beheerder role, optionally switches its second factor off (it must be set up again at the
// next login), and prints a one-time link (72 hours) to set a password. Run it on the server,
// with the same environment as the app. Every step is in the audit log.
import { recordAudit } from "@/lib/audit/record";
import { forgetUsedTimeSteps } from "@/lib/auth/totp";
import { accountLinkPath, createAccountLink } from "@/lib/beheer/account-links";
import { emailField } from "@/lib/shared/beheer/schemas";
import { env } from "@/lib/config/env";
import { createDatabase } from "@/lib/db/client";
import { databaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";

const args = process.argv.slice(2);
const resetSecondFactor = args.includes("--tweede-factor-resetten");
const [emailInput, name] = args.filter((arg) => !arg.startsWith("--"));
const email = emailField.safeParse(emailInput ?? "");
if (!email.success || !name?.trim()) {
  console.error('Gebruik: npm run beheerder -- <e-mailadres> "<naam>" [--tweede-factor-resetten]');
  process.exit(2);
}

const db = createDatabase(databaseConfig());
try {
  await applyMigrations(db.sql);
  let user = await db.prisma.user.findUnique({ where: { email: email.data }, include: { roles: true } });
  if (!user) {
    user = await db.prisma.user.create({ data: { email: email.data, name: name.trim() }, include: { roles: true } });
    console.log(`Account ${email.data} aangemaakt.`);
  }
  if (!user.active) await db.prisma.user.update({ where: { id: user.id }, data: { active: true } });
  if (!user.roles.some((role) => role.role === "BEHEERDER")) {
    await db.prisma.roleGrant.create({ data: { userId: user.id, role: "BEHEERDER" } });
    console.log("Rol beheerder toegekend.");
  }
  await recordAudit(db.prisma, {
    actorId: user.id,
    action: "account.beheerder-via-opdrachtregel",
    targetType: "User",
    targetId: user.id,
    details: { email: user.email, tweedeFactorGereset: resetSecondFactor },
  });
  if (resetSecondFactor) {
    await db.prisma.$transaction([
      db.prisma.user.update({ where: { id: user.id }, data: { totpEnabled: false, totpSecret: null } }),
      db.prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
      db.prisma.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } }),
    ]);
    await forgetUsedTimeSteps(db.prisma, user.id);
    console.log("Tweede factor uitgezet; bij de volgende login moet die opnieuw worden ingesteld.");
  }
  // The beheerder makes the link for their own account; the audit log shows it came from here.
  const actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionId: "opdrachtregel",
    grants: [{ role: "BEHEERDER" as const, gemeenteId: null, regioId: null }],
  };
  const made = await createAccountLink(db.prisma, actor, { userId: user.id, purpose: user.passwordHash ? "WACHTWOORD_HERSTEL" : "UITNODIGING" });
  // The account was just made active and beheerder: anything but ok is a real failure.
  if (made.status !== "ok") throw new Error(made.message);
  const link = made.data;
  const base = env().NEXTAUTH_URL ?? "http://localhost:3000";
  console.log(`\nEenmalige link (geldig tot ${link.expiresAt.toISOString()}):\n${new URL(accountLinkPath(link.token), base)}\n`);
} finally {
  await db.prisma.$disconnect();
  await db.sql.close();
}
