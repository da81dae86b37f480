// Writes the demo world into an empty or partly filled database. Idempotent: every record is
// looked up by its natural key first, so running it again adds nothing.
import { encryptSecret } from "@/lib/auth/crypto";
import { hashPassword } from "@/lib/auth/password";
import { encryptTotpSecretFor } from "@/lib/auth/second-factor";
import { endOfDayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";
import { getFramework, CURRENT_FRAMEWORK_VERSION } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { renderMessage } from "@/lib/mail/layout";
import { appUrl, unsubscribeLinks } from "@/lib/mail/links";
import { fileStore, type FileStore } from "@/lib/documenten/store";
import { seedDemoAssignments } from "./assignments";
import { seedDemoDocuments } from "./documenten";
import { demoMessagesOf, type DemoEventWorld } from "./messages";
import { seedDemoVoortgang } from "./voortgang";
import {
  DEMO_ACCOUNTS,
  DEMO_ACTION_OWNERS,
  DEMO_COORDINATORS,
  DEMO_SHARING,
  DEMO_BEHEERDER_TOTP_SECRET,
  DEMO_PASSWORD,
  DEMO_REGIOS,
  DEMO_MEETRONDES,
  demoAnswers,
} from "./data";

export type SeedSummary = { created: number };

/**
 * `now`: the moment the demo is seeded; which reminders are due depends on it. `store`: where the
 * demo's document files go (default the app's file store: DATA_DIR/documenten or the S3 bucket).
 */
export async function seedDemoData(prisma: PrismaClient, options: { now?: Date; store?: FileStore } = {}): Promise<SeedSummary> {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  let created = 0;
  const regioIds = new Map<string, string>();
  const gemeenten = new Map<string, { id: string; name: string; slug: string; level: number }>();

  for (const regio of DEMO_REGIOS) {
    const existing = await prisma.regio.findUnique({ where: { slug: regio.slug } });
    const row = existing ?? (await prisma.regio.create({ data: { name: regio.name, slug: regio.slug } }));
    if (!existing) created++;
    regioIds.set(regio.slug, row.id);
    for (const gemeente of regio.gemeenten) {
      const found = await prisma.gemeente.findUnique({ where: { slug: gemeente.slug } });
      const gemeenteRow = found ?? (await prisma.gemeente.create({ data: { name: gemeente.name, slug: gemeente.slug, regioId: row.id } }));
      if (!found) created++;
      gemeenten.set(gemeente.slug, { ...gemeente, id: gemeenteRow.id });
    }
  }

  const userIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    let user = await prisma.user.findUnique({ where: { email: account.email } });
    if (!user) {
      user = await prisma.user.create({
        data: { email: account.email, name: account.name, passwordHash: await hashPassword(DEMO_PASSWORD) },
      });
      created++;
    }
    // The demo beheerder has the published second factor from the start (see DEMO_BEHEERDER_TOTP_SECRET);
    // a factor that is already switched on is left alone.
    if (account.role === "BEHEERDER" && !user.totpEnabled) {
      await prisma.user.update({
        where: { id: user.id, totpEnabled: false },
        data: { totpEnabled: true, totpSecret: encryptTotpSecretFor(user.id, DEMO_BEHEERDER_TOTP_SECRET, encryptSecret) },
      });
      created++;
    }
    userIds.set(account.email, user.id);
    const scope = {
      userId: user.id,
      role: account.role,
      gemeenteId: account.gemeente ? gemeenten.get(account.gemeente)!.id : null,
      regioId: account.regio ? regioIds.get(account.regio)! : null,
    };
    // A unique index does not cover rows whose scope columns are NULL, so look the grant up first.
    if (!(await prisma.roleGrant.findFirst({ where: scope }))) {
      await prisma.roleGrant.create({ data: scope });
      created++;
    }
  }

  // Delft's zelfscan has a coordinator, set while Delft has none (another appointment is left alone).
  for (const [slug, email] of Object.entries(DEMO_COORDINATORS)) {
    const gemeente = gemeenten.get(slug)!;
    const { count } = await prisma.gemeente.updateMany({ where: { id: gemeente.id, coordinatorId: null }, data: { coordinatorId: userIds.get(email)! } });
    created += count;
  }

  // Den Haag and Zoetermeer share their good examples, so that Delft's officer and Haaglanden's
  // leader see some at once; set while nobody of the gemeente has chosen (no audit entry of a choice),
  // so that a demo gemeente that turned sharing off stays off.
  for (const slug of DEMO_SHARING) {
    const gemeente = gemeenten.get(slug)!;
    const chosen = await prisma.auditEntry.count({
      where: { gemeenteId: gemeente.id, action: { in: ["gemeente.voorbeelden-delen-aan", "gemeente.voorbeelden-delen-uit"] } },
    });
    if (chosen) continue;
    const { count } = await prisma.gemeente.updateMany({ where: { id: gemeente.id, deeltVoorbeelden: false }, data: { deeltVoorbeelden: true } });
    created += count;
  }

  const officerOf = (slug: string) => DEMO_ACCOUNTS.find((account) => account.gemeente === slug)?.email;

  for (const meetronde of DEMO_MEETRONDES) {
    const regioId = regioIds.get(meetronde.regio)!;
    const regioName = DEMO_REGIOS.find((regio) => regio.slug === meetronde.regio)!.name;
    const existingMeetronde = await prisma.meetronde.findUnique({ where: { regioId_name: { regioId, name: meetronde.name } } });
    const meetrondeRow =
      existingMeetronde ??
      (await prisma.meetronde.create({
        data: {
          regioId,
          name: meetronde.name,
          startsOn: startOfDayInAmsterdam(meetronde.startsOn),
          deadline: endOfDayInAmsterdam(meetronde.deadline),
          status: meetronde.status,
          frameworkId: framework.id,
          frameworkVersion: framework.version,
        },
      }));
    if (!existingMeetronde) created++;

    for (const plan of meetronde.scans) {
      const gemeente = gemeenten.get(plan.gemeente)!;
      const key = { gemeenteId_meetrondeId: { gemeenteId: gemeente.id, meetrondeId: meetrondeRow.id } };
      if (await prisma.zelfscan.findUnique({ where: key })) continue;

      const officerEmail = officerOf(plan.gemeente);
      const editorId = officerEmail ? userIds.get(officerEmail) : undefined;
      const answers = demoAnswers(gemeente, meetronde.name, plan.progress, framework.onderdelen);
      const answered = plan.answered === "all" ? answers : answers.slice(0, plan.answered);
      const submittedAt = plan.submitted ? new Date(new Date(`${meetronde.deadline}T12:00:00Z`).getTime() - 9 * 86_400_000) : null;

      await prisma.$transaction(async (tx) => {
        const scan = await tx.zelfscan.create({
          data: {
            gemeenteId: gemeente.id,
            meetrondeId: meetrondeRow.id,
            frameworkId: framework.id,
            frameworkVersion: framework.version,
            status: plan.submitted ? "INGEDIEND" : "CONCEPT",
            submittedAt,
            submittedById: plan.submitted ? (editorId ?? null) : null,
          },
        });
        await tx.answer.createMany({
          data: answered.map((answer) => ({
            zelfscanId: scan.id,
            onderdeelId: answer.onderdeelId,
            score: answer.score,
            weetIkNiet: answer.weetIkNiet,
            toelichting: answer.toelichting,
            vastgelegdIn: answer.vastgelegdIn,
            version: 1,
            lastEditedById: editorId ?? null,
          })),
        });
        if (plan.submitted && meetronde.status === "GESLOTEN") {
          // The largest gaps of the first round got an improvement action in the local plan.
          const gaps = answered
            .map((answer) => ({ answer, gap: 3 - (answer.score ?? 0) }))
            .filter(({ gap }) => gap > 0)
            .sort((a, b) => b.gap - a.gap)
            .slice(0, 5);
          await tx.verbeteractie.createMany({
            data: gaps.map(({ answer }, index) => {
              const onderdeel = framework.onderdelen.find((candidate) => candidate.id === answer.onderdeelId)!;
              const owner = DEMO_ACTION_OWNERS[index % DEMO_ACTION_OWNERS.length]!;
              return {
                zelfscanId: scan.id,
                onderdeelIds: [answer.onderdeelId],
                title: `${onderdeel.shortTitle}: afspraken vastleggen en borgen`,
                description: `Maak met de aanbieder van het wijkteam afspraken over eis ${onderdeel.id} en leg ze vast in de subsidievoorwaarden.`,
                ownerName: owner.name,
                ownerRole: owner.role,
                partners: index % 2 === 0 ? [`Veilig Thuis ${regioName}`, "Wijkteamaanbieder"] : ["Wijkteamaanbieder"],
                deadline: new Date(Date.UTC(2022, 2 + index, 30)),
                status: (["AFGEROND", "AFGEROND", "IN_UITVOERING", "GEPLAND", "VERVALLEN"] as const)[index]!,
                priority: index < 2 ? "HOOG" : "MIDDEN",
                borging: "Opnemen in de jaarlijkse evaluatie met de aanbieder.",
                // The level each action aims at (the projected score): the full level, one a step below.
                doelscore: index === 3 ? 2 : 3,
                position: index,
              };
            }),
          });
        }
        await tx.auditEntry.create({
          data: {
            action: "demo.zelfscan-aangemaakt",
            targetType: "Zelfscan",
            targetId: scan.id,
            gemeenteId: gemeente.id,
            regioId,
            details: { meetronde: meetronde.name, antwoorden: answered.length },
          },
        });
      });
      created++;
    }
  }
  // A project leader's invitation that waits for the beheerder, so that /beheer/uitnodigingen shows
  // how an invitation is decided (the leader sees it under "Uw uitnodigingen").
  const leaderId = userIds.get("projectleider@haaglanden.example");
  const rijswijk = gemeenten.get("rijswijk");
  const invitee = "nieuwe.collega@rijswijk.example";
  if (leaderId && rijswijk && !(await prisma.invitationRequest.findFirst({ where: { email: invitee } }))) {
    await prisma.invitationRequest.create({ data: { email: invitee, name: "Nieuwe Collega", gemeenteId: rijswijk.id, createdById: leaderId } });
    created++;
  }
  created += await seedDemoAssignments(prisma, { now: options.now ?? new Date() });
  created += await seedDemoVoortgang(prisma, options.now ?? new Date());
  created += await seedDemoMessages(prisma, options.now ?? new Date());
  created += await seedDemoDocuments(prisma, options.store ?? fileStore());
  return { created };
}

/**
 * The mailbox of the demo (messages.ts): what the demo's events would have sent, delivered to the
 * in-app mailbox. Rendered as queueMessage renders a live message, with the same unsubscribe
 * footer; written once (the dedupe keys), so seeding again writes nothing.
 */
async function seedDemoMessages(prisma: PrismaClient, now: Date): Promise<number> {
  const users = await prisma.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { id: true, email: true, name: true, roles: { select: { role: true, gemeenteId: true, regioId: true } } },
  });
  const person = ({ id, email, name }: (typeof users)[number]) => ({ id, email, name });
  const rows = [];
  for (const meetronde of DEMO_MEETRONDES) {
    const regio = await prisma.regio.findUnique({
      where: { slug: meetronde.regio },
      include: { gemeenten: { orderBy: { name: "asc" } }, meetrondes: { where: { name: meetronde.name } } },
    });
    const round = regio?.meetrondes[0];
    if (!regio || !round) continue;
    const scans = await prisma.zelfscan.findMany({ where: { meetrondeId: round.id }, select: { id: true, gemeenteId: true, submittedAt: true } });
    const world: DemoEventWorld = {
      regio,
      meetronde: round,
      leaders: users.filter((user) => user.roles.some((role) => role.role === "PROJECTLEIDER" && role.regioId === regio.id)).map(person),
      gemeenten: regio.gemeenten.map((gemeente) => ({
        gemeente,
        officers: users.filter((user) => user.roles.some((role) => role.role === "BELEIDSMEDEWERKER" && role.gemeenteId === gemeente.id)).map(person),
        zelfscan: scans.find((scan) => scan.gemeenteId === gemeente.id) ?? null,
      })),
    };
    for (const message of demoMessagesOf(world, now, appUrl)) {
      const rendered = renderMessage(message.body, {
        unsubscribeUrl: unsubscribeLinks(message.to.id, message.kind).page,
        preferencesUrl: appUrl("/account/berichten"),
      });
      rows.push({
        kind: message.kind,
        dedupeKey: message.dedupeKey,
        userId: message.to.id,
        to: message.to.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        gemeenteId: message.gemeenteId,
        regioId: message.regioId,
        status: "VERZONDEN" as const,
        transport: "POSTVAK" as const,
        attempts: 1,
        createdAt: message.at,
        sentAt: message.at,
      });
    }
  }
  const { count } = await prisma.message.createMany({ data: rows, skipDuplicates: true });
  return count;
}
