// The mailbox of the demo: the messages the demo's own events would have sent, so that a newcomer
// who logs in as the demo beheerder sees at Beheer › Berichten what the application sends, and when.
// Written by the seed (seed.ts) as delivered to the in-app mailbox (VERZONDEN, POSTVAK), with the
// live templates (lib/mail/templates/zelfscan.ts), the layout of every live message and the dedupe
// keys of the live events (lib/mail/dedupe-keys.ts), so that a live run (a reminder run at
// start-up) never writes one of them a second time.
import type { MessageKind } from "@/lib/generated/prisma/enums";
import { dedupeKey } from "@/lib/mail/dedupe-keys";
import type { MessageBody } from "@/lib/mail/layout";
import { REMINDER_DAYS, reminderMoment } from "@/lib/mail/reminder-rule";
import { herinneringMessage, meetrondeGeopendMessage, zelfscanIngediendMessage } from "@/lib/mail/templates/zelfscan";
import { calendarDaysBetween, dayInAmsterdam } from "@/lib/shared/dates";

type Person = { id: string; email: string; name: string };
type Place = { id: string; name: string; slug: string };

export type DemoEventWorld = {
  regio: { id: string; name: string };
  meetronde: { id: string; name: string; startsOn: Date; deadline: Date; status: "GEPLAND" | "OPEN" | "GESLOTEN" };
  /** The region's project leaders and, per gemeente, its officers and its scan in this round (if any). */
  leaders: Person[];
  gemeenten: { gemeente: Place; officers: Person[]; zelfscan: { id: string; submittedAt: Date | null } | null }[];
};

export type DemoMessage = {
  kind: MessageKind;
  dedupeKey: string;
  to: Person;
  gemeenteId: string | null;
  regioId: string;
  /** When the event happened: the message's createdAt and sentAt. */
  at: Date;
  body: MessageBody;
};

type Url = (path: string) => string;

/**
 * The messages of one round's events, as far as they have happened at `now`: "round opened" to
 * the officers of an open round, "scan submitted" to the leaders for every submitted scan, and the
 * reminders that are due (14 and 3 days before the deadline, while it has not passed) to the
 * officers of gemeenten that have not submitted.
 */
export function demoMessagesOf(world: DemoEventWorld, now: Date, url: Url): DemoMessage[] {
  const { regio, meetronde } = world;
  const messages: DemoMessage[] = [];
  // The opening of the rounds that are open now (the demo's closed first round shows its submissions).
  if (meetronde.status === "OPEN" && meetronde.startsOn <= now) {
    for (const { gemeente, officers, zelfscan } of world.gemeenten) {
      for (const officer of officers) {
        messages.push({
          kind: "MEETRONDE_GEOPEND",
          // Opened at the start of the round.
          dedupeKey: dedupeKey.meetrondeGeopend(meetronde.id, meetronde.startsOn, gemeente.id, officer.id),
          to: officer,
          gemeenteId: gemeente.id,
          regioId: regio.id,
          at: meetronde.startsOn,
          body: meetrondeGeopendMessage({
            recipient: officer,
            meetronde,
            gemeente,
            regio,
            url: url(zelfscan ? `/zelfscans/${zelfscan.id}` : `/gemeenten/${gemeente.slug}`),
          }),
        });
      }
    }
  }
  for (const { gemeente, zelfscan, officers } of world.gemeenten) {
    const submittedAt = zelfscan?.submittedAt;
    if (!zelfscan || !submittedAt || submittedAt > now) continue;
    for (const leader of world.leaders) {
      messages.push({
        kind: "ZELFSCAN_INGEDIEND",
        dedupeKey: dedupeKey.zelfscanIngediend(zelfscan.id, submittedAt, leader.id),
        to: leader,
        gemeenteId: gemeente.id,
        regioId: regio.id,
        at: submittedAt,
        body: zelfscanIngediendMessage({
          recipient: leader,
          // The demo's gemeenten without an officer account of their own submitted through one who has left.
          submittedBy: officers[0] ?? { name: `Een beleidsmedewerker van gemeente ${gemeente.name}` },
          submittedAt,
          meetronde,
          gemeente,
          regio,
          url: url(`/zelfscans/${zelfscan.id}`),
        }),
      });
    }
  }
  if (meetronde.status === "OPEN" && now < meetronde.deadline) {
    for (const days of REMINDER_DAYS) {
      // Sent by the daily run at 08:00 in the Netherlands on the reminder's day.
      const due = new Date(reminderMoment(meetronde.deadline, days).getTime() + 8 * 3_600_000);
      if (due > now) continue;
      for (const { gemeente, officers, zelfscan } of world.gemeenten) {
        if (zelfscan?.submittedAt) continue;
        for (const officer of officers) {
          messages.push({
            kind: "HERINNERING",
            dedupeKey: dedupeKey.herinnering(days, meetronde.id, dayInAmsterdam(meetronde.deadline), gemeente.id, officer.id),
            to: officer,
            gemeenteId: gemeente.id,
            regioId: regio.id,
            at: due,
            body: herinneringMessage({
              recipient: officer,
              meetronde,
              gemeente,
              regio,
              daysLeft: calendarDaysBetween(due, meetronde.deadline),
              started: zelfscan !== null,
              url: url(zelfscan ? `/zelfscans/${zelfscan.id}` : `/gemeenten/${gemeente.slug}`),
            }),
          });
        }
      }
    }
  }
  return messages;
}
