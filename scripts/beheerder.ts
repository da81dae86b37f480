// npm run beheerder -- <e-mail> "<naam>" [--tweede-factor-resetten]
//
// The way in for a new installation (there is no demo data in production) and the way back for a
// beheerder who lost the password or the authenticator app: makes sure the account exists with
// the beheerder role, optionally switches its second factor off (it must be set up again at the
// next login), and prints a one-time link to set a password (an invitation: 72 hours; a reset of an
// existing password: 30 minutes). The link is printed, not mailed: mail may not be set up yet. A
// second factor switched off sends the account a security notice (by mail, or to the in-app
// mailbox). Run it on the server, with the same environment as the app. Every step is in the audit log.
import { recordAudit } from "@/lib/audit/record";
import { forgetUsedTimeSteps } from "@/lib/auth/totp";
import { queueSecurityNotice } from "@/lib/auth/account-mail";
import { accountLinkPath, createBootstrapLink } from "@/lib/beheer/account-links";
import { emailField } from "@/lib/shared/beheer/schemas";
import { env } from "@/lib/config/env";
import { createDatabase } from "@/lib/db/client";
import { databaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { prepareQueue } from "@/lib/mail/queue";

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
  await prepareQueue(db);
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
    const userId = user.id;
    await db.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { totpEnabled: false, totpSecret: null } });
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await queueSecurityNotice(tx, userId, { what: "tweede-factor-gereset" }, new Date());
    });
    await forgetUsedTimeSteps(db.prisma, user.id);
    console.log("Tweede factor uitgezet; bij de volgende login moet die opnieuw worden ingesteld.");
  }
  // The beheerder's own link; the audit log shows it came from here.
  const link = await createBootstrapLink(db.prisma, { id: user.id, email: user.email, hasPassword: user.passwordHash !== null });
  const base = env().NEXTAUTH_URL ?? "http://localhost:3000";
  console.log(`\nEenmalige link (geldig tot ${link.expiresAt.toISOString()}):\n${new URL(accountLinkPath(link.token), base)}\n`);
} finally {
  await db.prisma.$disconnect();
  await db.sql.close();
}
