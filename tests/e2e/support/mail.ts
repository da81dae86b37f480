// The messages the app sent in the end-to-end run: the SMTP test server (tests/support/smtp-server.ts,
// started by playwright.config.ts) writes each one as an .eml file; these helpers parse them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { E2E_MAIL_DIR } from "./mail-server";

export type SentMail = { file: string; to: string; subject: string; text: string; html: string; raw: string; parsed: ParsedMail };

async function readAll(): Promise<SentMail[]> {
  let files: string[];
  try {
    files = readdirSync(E2E_MAIL_DIR)
      .filter((file) => file.endsWith(".eml"))
      .sort();
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(path.join(E2E_MAIL_DIR, file));
      const parsed = await simpleParser(raw);
      const to = (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.value[0]?.address?.toLowerCase() ?? "";
      return {
        file,
        to,
        subject: parsed.subject ?? "",
        text: parsed.text ?? "",
        html: typeof parsed.html === "string" ? parsed.html : "",
        raw: raw.toString("utf8"),
        parsed,
      };
    }),
  );
}

/** Every message so far, oldest first. */
export const sentMails = readAll;

/** The first message that matches and was not among `before` (a list from sentMails()), waiting up to `timeoutMs`. */
export async function waitForMail(match: (mail: SentMail) => boolean, options: { timeoutMs?: number; after?: SentMail[] } = {}): Promise<SentMail> {
  const seen = new Set((options.after ?? []).map((mail) => mail.file));
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const found = (await readAll()).find((mail) => !seen.has(mail.file) && match(mail));
    if (found) return found;
    if (Date.now() > until) {
      const all = await readAll();
      throw new Error(`Geen passend bericht ontvangen; wel: ${all.map((mail) => `${mail.to}: ${mail.subject}`).join("; ") || "niets"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in the plain text that starts with `prefix` (an address of the app). */
export function linkIn(mail: SentMail, pathPrefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`Geen link naar ${pathPrefix} in "${mail.subject}":\n${mail.text}`);
  return link;
}
