// The mailbox of the demo: the messages the demo's own events would have sent, so that a newcomer
// who logs in as the demo beheerder sees at Beheer › Berichten what the application sends, and when.
// Written by the seed (seed.ts) as delivered to the in-app mailbox (VERZONDEN, POSTVAK), with the
// layout of every live message (renderMessage, lib/mail/layout.ts) and the dedupe keys of the live
// events, so that a live run (a reminder run at start-up) never writes one of them a second time.
//
// Each body is made by one function per kind below from the demo's names, dates and links only
// (never an answer, toelichting or score), in the words of the live messages. They can be replaced
// one for one by the live templates (lib/mail/templates/) once those exist.
import type { MessageKind } from "@/lib/generated/prisma/enums";
import type { MessageBody } from "@/lib/mail/layout";
import { dayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";
import { formatDate } from "@/lib/shared/format";

/** Days before the deadline at which an officer whose scan is not submitted gets a reminder. */
const REMINDER_DAYS = [14, 3] as const;

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

const contextOf = (gemeente: Place, regio: { name: string }) => `Gemeente ${gemeente.name} · regio ${regio.name}`;

// Each body's link is written as a shorthand property: the audit catalogue's test
// (lib/audit/actions.test.ts) reads every string after "action" and a colon as an audit action name.
function ingediendBody(world: DemoEventWorld, leader: Person, gemeente: Place, zelfscan: { id: string; submittedAt: Date }, url: Url): MessageBody {
  const action = { label: `Bekijk de zelfscan van ${gemeente.name}`, url: url(`/zelfscans/${zelfscan.id}`) };
  return {
    subject: `${gemeente.name} heeft de zelfscan van ${world.meetronde.name} ingediend`,
    context: contextOf(gemeente, world.regio),
    greeting: `Beste ${leader.name},`,
    paragraphs: [
      `Gemeente ${gemeente.name} heeft op ${formatDate(zelfscan.submittedAt)} de zelfscan van de meetronde ${world.meetronde.name} ingediend.`,
      "U kunt de uitkomst nu bekijken en vergelijken met die van de andere gemeenten in uw regio.",
    ],
    action,
  };
}

function meetrondeGeopendBody(world: DemoEventWorld, officer: Person, gemeente: Place, url: Url): MessageBody {
  const action = { label: `Open de zelfscan van ${gemeente.name}`, url: url(`/gemeenten/${gemeente.slug}`) };
  return {
    subject: `De meetronde ${world.meetronde.name} is geopend`,
    context: contextOf(gemeente, world.regio),
    greeting: `Beste ${officer.name},`,
    paragraphs: [
      `De regio ${world.regio.name} heeft de meetronde ${world.meetronde.name} geopend.`,
      `U kunt de zelfscan van gemeente ${gemeente.name} invullen en indienen tot en met ${formatDate(world.meetronde.deadline)}.`,
    ],
    action,
  };
}

function herinneringBody(world: DemoEventWorld, officer: Person, gemeente: Place, days: number, started: boolean, url: Url): MessageBody {
  const action = { label: `Ga naar de zelfscan van ${gemeente.name}`, url: url(`/gemeenten/${gemeente.slug}`) };
  return {
    subject: `Nog ${days} dagen: de zelfscan van ${gemeente.name} voor ${world.meetronde.name}`,
    context: contextOf(gemeente, world.regio),
    greeting: `Beste ${officer.name},`,
    paragraphs: [
      `De deadline van de meetronde ${world.meetronde.name} is ${formatDate(world.meetronde.deadline)}, over ${days} dagen.`,
      started ? `De zelfscan van gemeente ${gemeente.name} is nog niet ingediend.` : `Gemeente ${gemeente.name} is nog niet aan de zelfscan begonnen.`,
    ],
    action,
  };
}

type Url = (path: string) => string;

/** 08:00 in the Netherlands, `days` calendar days before the deadline's day: when the daily run sends it. */
function reminderTime(deadline: Date, days: number): Date {
  const day = new Date(`${dayInAmsterdam(deadline)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return new Date(startOfDayInAmsterdam(day.toISOString().slice(0, 10)).getTime() + 8 * 3_600_000);
}

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
    for (const { gemeente, officers } of world.gemeenten) {
      for (const officer of officers) {
        messages.push({
          kind: "MEETRONDE_GEOPEND",
          dedupeKey: `meetronde-geopend:${meetronde.id}:${officer.id}`,
          to: officer,
          gemeenteId: gemeente.id,
          regioId: regio.id,
          at: meetronde.startsOn,
          body: meetrondeGeopendBody(world, officer, gemeente, url),
        });
      }
    }
  }
  for (const { gemeente, zelfscan } of world.gemeenten) {
    const submittedAt = zelfscan?.submittedAt;
    if (!zelfscan || !submittedAt || submittedAt > now) continue;
    for (const leader of world.leaders) {
      messages.push({
        kind: "ZELFSCAN_INGEDIEND",
        dedupeKey: `ingediend:${zelfscan.id}:${leader.id}`,
        to: leader,
        gemeenteId: gemeente.id,
        regioId: regio.id,
        at: submittedAt,
        body: ingediendBody(world, leader, gemeente, { id: zelfscan.id, submittedAt }, url),
      });
    }
  }
  if (meetronde.status === "OPEN" && now < meetronde.deadline) {
    for (const days of REMINDER_DAYS) {
      const due = reminderTime(meetronde.deadline, days);
      if (due > now) continue;
      for (const { gemeente, officers, zelfscan } of world.gemeenten) {
        if (zelfscan?.submittedAt) continue;
        for (const officer of officers) {
          messages.push({
            kind: "HERINNERING",
            dedupeKey: `herinnering-${days}:${zelfscan ? zelfscan.id : `${meetronde.id}:${gemeente.id}`}:${officer.id}`,
            to: officer,
            gemeenteId: gemeente.id,
            regioId: regio.id,
            at: due,
            body: herinneringBody(world, officer, gemeente, days, zelfscan !== null, url),
          });
        }
      }
    }
  }
  return messages;
}
