// Where a message goes: an SMTP server (SMTP_URL, through nodemailer: STARTTLS when the server
// offers it, or always with ?requireTLS=true; authentication from the address), or, in a demo
// without SMTP_URL, the mailbox inside the app: the message stays readable at Beheer › Berichten.
import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/config/env";
import type { MessageKind, MessageTransport } from "@/lib/generated/prisma/enums";
import { isSecurityKind } from "@/lib/shared/mail/kinds";
import { unsubscribeLinks } from "./links";

type OutgoingMessage = { id: string; kind: MessageKind; userId: string | null; to: string; subject: string; text: string | null; html: string | null };

export type Transport = { kind: Exclude<MessageTransport, "SAMENVATTING">; send(message: OutgoingMessage): Promise<void> };

/** nodemailer's options from SMTP_URL: smtp:// (STARTTLS when offered; ?requireTLS=true: always) or smtps:// (TLS from the start). */
function smtpOptions(url: string, tls: { ca?: string } = {}) {
  const address = new URL(url);
  const secure = address.protocol === "smtps:";
  return {
    host: address.hostname.replace(/^\[|\]$/g, ""),
    port: Number(address.port) || (secure ? 465 : 587),
    secure,
    requireTLS: address.searchParams.get("requireTLS") === "true",
    auth: address.username ? { user: decodeURIComponent(address.username), pass: decodeURIComponent(address.password) } : undefined,
    // The server's certificate is checked against the system's CAs (NODE_EXTRA_CA_CERTS adds one).
    tls: { rejectUnauthorized: true, ...(tls.ca ? { ca: tls.ca } : {}) },
    // A few connections kept open: a reminder run sends many messages in a row.
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as const;
}

/** The headers of a message: its own Message-ID (a retried send is recognisably the same mail) and, but for security messages, List-Unsubscribe. */
function messageHeaders(message: OutgoingMessage, from: string): Record<string, string> {
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? "zelfscan.invalid";
  const headers: Record<string, string> = { "Message-ID": `<${message.id}@${domain}>`, "Auto-Submitted": "auto-generated" };
  if (message.userId && !isSecurityKind(message.kind)) {
    const links = unsubscribeLinks(message.userId, message.kind);
    headers["List-Unsubscribe"] = `<${links.oneClick}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return headers;
}

/** Delivery over SMTP; `tls.ca` trusts one more certificate authority (the tests' own). */
export function smtpTransport(url: string, from: string, tls: { ca?: string } = {}): Transport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpOptions(url, tls));
  return {
    kind: "SMTP",
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text ?? "",
        html: message.html ?? undefined,
        headers: messageHeaders(message, from),
      });
    },
    close: () => transporter.close(),
  };
}

const POSTVAK: Transport = { kind: "POSTVAK", send: async () => undefined };

let configured: { url: string; transport: Transport } | undefined;

/** The configured transport: SMTP_URL, or (a demo; production requires SMTP_URL) the mailbox inside the app. */
export function transport(): Transport {
  const settings = env();
  if (!settings.SMTP_URL) return POSTVAK;
  if (configured?.url !== settings.SMTP_URL) configured = { url: settings.SMTP_URL, transport: smtpTransport(settings.SMTP_URL, settings.SMTP_FROM!) };
  return configured.transport;
}
