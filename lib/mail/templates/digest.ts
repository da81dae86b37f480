// The daily digest: one message that lists what a person chose to receive bundled (preference
// DAGELIJKS), each with its subject, what it is about and its link, as the messages themselves had
// them. Like every message it carries names, dates and links only (lib/mail/layout.ts).
import "server-only";
import type { MessageBody } from "../layout";

export type DigestItem = { subject: string; context: string | null; url: string | null };

/** Items listed one by one; a longer digest names how many more there are. */
const DIGEST_MAX_ITEMS = 50;

const LONG_DAY = new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });

const home = (url: string) => ({ label: "Open Zelfscan Werken aan Veiligheid", url });

/** `day`: the Dutch calendar day of the digest (yyyy-mm-dd). */
export function digestBody(input: { name: string; day: string; items: DigestItem[]; homeUrl: string }): MessageBody {
  const count = input.items.length;
  const listed = input.items.slice(0, DIGEST_MAX_ITEMS);
  const more = count - listed.length;
  const line = (item: DigestItem, index: number) =>
    [`${index + 1}. ${item.subject}`, item.context ? ` (${item.context})` : "", item.url ? `: ${item.url}` : ""].join("");
  return {
    subject: count === 1 ? "Samenvatting: 1 bericht" : `Samenvatting: ${count} berichten`,
    context: `Dagelijkse samenvatting van ${LONG_DAY.format(new Date(`${input.day}T12:00:00Z`))}`,
    greeting: `Beste ${input.name},`,
    paragraphs: [
      count === 1
        ? "Sinds de vorige samenvatting is er 1 bericht voor u, dat u in deze samenvatting wilde ontvangen:"
        : `Sinds de vorige samenvatting zijn er ${count} berichten voor u, die u in deze samenvatting wilde ontvangen:`,
      ...listed.map(line),
      ...(more > 0 ? [`En nog ${more} ${more === 1 ? "bericht" : "berichten"}; u vindt ze in de applicatie.`] : []),
    ],
    action: home(input.homeUrl),
    note: "U ontvangt deze berichten in één samenvatting per dag omdat u dat zo heeft gekozen.",
  };
}
