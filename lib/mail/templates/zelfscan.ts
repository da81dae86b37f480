// The messages of a zelfscan's events: a round opened, a deadline near, a scan submitted or
// reopened, a new comment or reply. Each names the gemeente and region and gives one direct link;
// none carries an answer, a toelichting, a score or the text of a comment (only who, which
// onderdeel, which gemeente, and when). A reopening carries the leader's reason: it is written for
// the gemeente, which sees it in the application too.
import "server-only";
import { formatDate, formatDateTime } from "@/lib/shared/format";
import type { MessageBody } from "../layout";

type Named = { name: string };

const contextOf = (gemeente: Named, regio: Named) => `Gemeente ${gemeente.name} · regio ${regio.name}`;
const greetingOf = (recipient: Named) => `Beste ${recipient.name},`;
// The link text is built apart from the body (lib/audit/actions.test.ts reads every literal after
// the key "action" followed by a colon as the name of an audit action).
const openScan = (gemeente: Named) => `Open de zelfscan van gemeente ${gemeente.name}`;
const viewScan = (gemeente: Named) => `Bekijk de zelfscan van gemeente ${gemeente.name}`;
const readComment = (what: string, onderdeel: { id: string }) => `Lees de ${what} bij onderdeel ${onderdeel.id}`;
const link = (label: string, url: string): MessageBody["action"] => ({ label, url });

export function meetrondeGeopendMessage(input: {
  recipient: Named;
  meetronde: { name: string; deadline: Date };
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { meetronde, gemeente, regio } = input;
  return {
    subject: `Meetronde ${meetronde.name} is geopend`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `Regio ${regio.name} heeft de meetronde ${meetronde.name} geopend.`,
      `U kunt de zelfscan van gemeente ${gemeente.name} nu invullen. De deadline is ${formatDate(meetronde.deadline)}.`,
    ],
    action: link(openScan(gemeente), input.url),
  };
}

export function herinneringMessage(input: {
  recipient: Named;
  meetronde: { name: string; deadline: Date };
  gemeente: Named;
  regio: Named;
  /** Dutch calendar days until the deadline's day (0: today). */
  daysLeft: number;
  started: boolean;
  url: string;
}): MessageBody {
  const { meetronde, gemeente, regio, daysLeft } = input;
  const when = daysLeft === 0 ? "vandaag" : daysLeft === 1 ? "morgen" : `over ${daysLeft} dagen`;
  return {
    subject: `Herinnering: de zelfscan ${meetronde.name} moet uiterlijk ${formatDate(meetronde.deadline)} zijn ingediend`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `De deadline van de meetronde ${meetronde.name} is ${when}, op ${formatDate(meetronde.deadline)}.`,
      input.started ? `De zelfscan van gemeente ${gemeente.name} is nog niet ingediend.` : `De zelfscan van gemeente ${gemeente.name} is nog niet gestart.`,
    ],
    action: link(openScan(gemeente), input.url),
  };
}

export function zelfscanIngediendMessage(input: {
  recipient: Named;
  submittedBy: Named;
  submittedAt: Date;
  meetronde: Named;
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { meetronde, gemeente, regio } = input;
  return {
    subject: `Gemeente ${gemeente.name} heeft de zelfscan ${meetronde.name} ingediend`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `${input.submittedBy.name} heeft de zelfscan ${meetronde.name} van gemeente ${gemeente.name} ingediend op ${formatDateTime(input.submittedAt)}.`,
    ],
    action: link(viewScan(gemeente), input.url),
  };
}

export function zelfscanHeropendMessage(input: {
  recipient: Named;
  reopenedBy: Named;
  reason: string;
  meetronde: Named;
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { meetronde, gemeente, regio } = input;
  return {
    subject: `De zelfscan ${meetronde.name} van gemeente ${gemeente.name} is heropend`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `${input.reopenedBy.name}, projectleider van regio ${regio.name}, heeft de zelfscan ${meetronde.name} van gemeente ${gemeente.name} heropend.`,
      `De reden: ${input.reason}`,
      "U kunt de zelfscan weer aanpassen en opnieuw indienen.",
    ],
    action: link(openScan(gemeente), input.url),
  };
}

export function reactieMessage(input: {
  recipient: Named;
  author: Named;
  /** A reply in a thread, or a new thread. */
  reply: boolean;
  onderdeel: { id: string; shortTitle: string };
  meetronde: Named;
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { onderdeel, meetronde, gemeente, regio } = input;
  const what = input.reply ? "reactie" : "opmerking";
  return {
    subject: `Nieuwe ${what} bij onderdeel ${onderdeel.id} van de zelfscan van gemeente ${gemeente.name}`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `${input.author.name} heeft een ${what} geplaatst bij onderdeel ${onderdeel.id} (${onderdeel.shortTitle}) van de zelfscan ${meetronde.name} van gemeente ${gemeente.name}.`,
      `U leest de ${what} in de applicatie.`,
    ],
    action: link(readComment(what, onderdeel), input.url),
  };
}
