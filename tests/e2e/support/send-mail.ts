// A fixture of the end-to-end run: sends one message of `kind` to an account through the app's own
// layout, unsubscribe links (signed with the running demo's secret, read from its DATA_DIR) and
// SMTP transport, to the run's SMTP server. It stands in for an event of the application until
// one that sends this kind is reachable from the specs: it does not write the outbox (the app's
// embedded database belongs to the running server).
//   tsx --conditions=react-server tests/e2e/support/send-mail.ts <userId> <email> <kind>
// with DATA_DIR, NEXTAUTH_URL, SMTP_URL, SMTP_FROM and NODE_EXTRA_CA_CERTS of the app under test.
import { randomUUID } from "node:crypto";
import { renderMessage } from "@/lib/mail/layout";
import { appUrl, unsubscribeLinks } from "@/lib/mail/links";
import { smtpTransport } from "@/lib/mail/transport";
import type { MessageKind } from "@/lib/generated/prisma/enums";

const [userId, email, kind] = process.argv.slice(2) as [string, string, MessageKind];
if (!userId || !email || !kind) {
  console.error("Gebruik: tsx --conditions=react-server tests/e2e/support/send-mail.ts <userId> <email> <soort>");
  process.exit(2);
}
const links = unsubscribeLinks(userId, kind);
const rendered = renderMessage(
  {
    subject: `Testbericht ${kind}`,
    context: "Gemeente Leiden · regio Hollands Midden",
    greeting: "Beste collega,",
    paragraphs: ["Dit bericht komt van de end-to-end-test."],
    action: { label: "Open de applicatie", url: appUrl("/") },
  },
  { unsubscribeUrl: links.page, preferencesUrl: appUrl("/account/berichten") },
);
const via = smtpTransport(process.env.SMTP_URL!, process.env.SMTP_FROM!);
await via.send({ id: randomUUID(), kind, userId, to: email, ...rendered });
via.close();
