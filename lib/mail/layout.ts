// One layout for every message, in plain text and in simple, accessible HTML (lang="nl", a real
// heading, the link as a link with a text that says where it goes, no images, no layout tables).
// A message names its gemeente or region and gives one direct link; it never carries an answer,
// a toelichting or a score: the templates (lib/mail/templates.ts) only get names, dates and links.
import "server-only";

export type MessageBody = {
  subject: string;
  /** "Gemeente Delft · regio Haaglanden": what the message is about. */
  context: string;
  /** "Beste Anna," */
  greeting: string;
  /** Plain sentences; no markup. */
  paragraphs: string[];
  /** The direct link. */
  action: { label: string; url: string };
  /** Shown under the link, e.g. "De link werkt één keer en 30 minuten lang." */
  note?: string;
};

export type RenderedMessage = { subject: string; text: string; html: string };

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SIGNATURE = "Zelfscan Werken aan Veiligheid";

/** `unsubscribeUrl`: the page to switch this kind off (every message but the security ones). */
export function renderMessage(body: MessageBody, options: { unsubscribeUrl?: string; preferencesUrl?: string } = {}): RenderedMessage {
  const footer: string[] = [];
  if (options.unsubscribeUrl) footer.push(`Wilt u deze berichten niet meer ontvangen? Meld u af: ${options.unsubscribeUrl}`);
  if (options.preferencesUrl) footer.push(`Kies per soort bericht hoe u ze ontvangt: ${options.preferencesUrl}`);
  const text = [
    body.context,
    "",
    body.greeting,
    "",
    ...body.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    `${body.action.label}: ${body.action.url}`,
    ...(body.note ? ["", body.note] : []),
    "",
    `Met vriendelijke groet,`,
    SIGNATURE,
    ...(footer.length ? ["", "--", ...footer] : []),
    "",
  ].join("\n");
  const htmlFooter = [
    options.unsubscribeUrl
      ? `<p>Wilt u deze berichten niet meer ontvangen? <a href="${escapeHtml(options.unsubscribeUrl)}">Afmelden voor dit soort berichten</a>.</p>`
      : "",
    options.preferencesUrl ? `<p><a href="${escapeHtml(options.preferencesUrl)}">Uw voorkeuren voor berichten</a></p>` : "",
  ].join("");
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(body.subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; margin: 0; padding: 16px;">
<main style="max-width: 40em;">
<p style="color: #4a4a4a;">${escapeHtml(body.context)}</p>
<h1 style="font-size: 1.4em;">${escapeHtml(body.subject)}</h1>
<p>${escapeHtml(body.greeting)}</p>
${body.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
<p><a href="${escapeHtml(body.action.url)}" style="color: #0b5394; font-weight: bold;">${escapeHtml(body.action.label)}</a></p>
${body.note ? `<p>${escapeHtml(body.note)}</p>` : ""}
<p>Met vriendelijke groet,<br>${SIGNATURE}</p>
</main>
${htmlFooter ? `<footer style="border-top: 1px solid #767676; margin-top: 24px; padding-top: 8px; font-size: 14px; color: #4a4a4a;">${htmlFooter}</footer>` : ""}
</body>
</html>
`;
  return { subject: body.subject, text, html };
}
