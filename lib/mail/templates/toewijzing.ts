// The messages of assignments (issue 15): onderdelen assigned to someone, taken from them, or
// whose due date approaches or has passed. Each names the gemeente, the scan, the onderdelen by
// number and short title, the due date and the coordinator's note, and gives one link to the scan;
// none carries an answer, a toelichting or a score.
import "server-only";
import type { Framework } from "@/lib/framework";
import { formatDate } from "@/lib/shared/format";
import type { MessageBody } from "../layout";

type Named = { name: string };
export type AssignedItem = { id: string; shortTitle: string; dueOn: Date | null };

const contextOf = (gemeente: Named, regio: Named) => `Gemeente ${gemeente.name} · regio ${regio.name}`;
const greetingOf = (recipient: Named) => `Beste ${recipient.name},`;
// Built apart from the body (lib/audit/actions.test.ts reads the literal after the key "action").
const openScan = (gemeente: Named) => `Open de zelfscan van gemeente ${gemeente.name}`;
const link = (label: string, url: string): MessageBody["action"] => ({ label, url });

/** The onderdelen named by id, once each, in the framework's order, with their due date. */
export function itemsInOrder(framework: Framework, onderdeelIds: Iterable<string>, dueOn: (onderdeelId: string) => Date | null): AssignedItem[] {
  const wanted = new Set(onderdeelIds);
  return framework.onderdelen
    .filter((onderdeel) => wanted.has(onderdeel.id))
    .map((onderdeel) => ({ id: onderdeel.id, shortTitle: onderdeel.shortTitle, dueOn: dueOn(onderdeel.id) }));
}

/** "7a (Afspraken vastgelegd), termijn 10 december 2026" per item. */
function itemLines(items: readonly AssignedItem[]): string {
  return items.map((item) => `• Onderdeel ${item.id} (${item.shortTitle})${item.dueOn ? `, termijn ${formatDate(item.dueOn)}` : ""}`).join("\n");
}

export function toewijzingMessage(input: {
  recipient: Named;
  assignedBy: Named;
  items: readonly AssignedItem[];
  note: string;
  /** Moved to them from someone else. */
  reassigned: boolean;
  meetronde: Named;
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { gemeente, regio, meetronde, items } = input;
  const what = items.length === 1 ? "een onderdeel" : `${items.length} onderdelen`;
  return {
    subject: `Aan u toegewezen: ${what} van de zelfscan ${meetronde.name} van gemeente ${gemeente.name}`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `${input.assignedBy.name} heeft ${input.reassigned ? "het invullen van deze onderdelen aan u overgedragen" : "u gevraagd deze onderdelen in te vullen"} in de zelfscan ${meetronde.name} van gemeente ${gemeente.name}:`,
      itemLines(items),
      ...(input.note ? [`Notitie van ${input.assignedBy.name}: ${input.note}`] : []),
    ],
    action: link(openScan(gemeente), input.url),
  };
}

export function toewijzingOvergedragenMessage(input: {
  recipient: Named;
  assignedBy: Named;
  to: Named;
  items: readonly AssignedItem[];
  meetronde: Named;
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { gemeente, regio, meetronde } = input;
  return {
    subject: `Onderdelen van de zelfscan ${meetronde.name} zijn overgedragen aan ${input.to.name}`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      `${input.assignedBy.name} heeft deze onderdelen van de zelfscan ${meetronde.name} van gemeente ${gemeente.name} overgedragen aan ${input.to.name}:`,
      itemLines(input.items),
      "U hoeft ze niet meer in te vullen.",
    ],
    action: link(openScan(gemeente), input.url),
  };
}

export function toewijzingTermijnMessage(input: {
  recipient: Named;
  overdue: boolean;
  items: readonly AssignedItem[];
  meetronde: Named;
  gemeente: Named;
  regio: Named;
  url: string;
}): MessageBody {
  const { gemeente, regio, meetronde } = input;
  return {
    subject: input.overdue
      ? `De termijn van aan u toegewezen onderdelen van de zelfscan ${meetronde.name} is verstreken`
      : `Herinnering: de termijn van aan u toegewezen onderdelen van de zelfscan ${meetronde.name} nadert`,
    context: contextOf(gemeente, regio),
    greeting: greetingOf(input.recipient),
    paragraphs: [
      input.overdue
        ? `De termijn van deze aan u toegewezen onderdelen van de zelfscan van gemeente ${gemeente.name} is verstreken, en ze zijn nog niet ingevuld:`
        : `De termijn van deze aan u toegewezen onderdelen van de zelfscan van gemeente ${gemeente.name} nadert, en ze zijn nog niet ingevuld:`,
      itemLines(input.items),
    ],
    action: link(openScan(gemeente), input.url),
  };
}
