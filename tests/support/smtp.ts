// A real SMTP server on loopback for the tests (the smtp-server package): STARTTLS with a
// certificate made for the run (openssl), authentication (PLAIN, LOGIN) only after STARTTLS, and
// every message it accepts parsed with mailparser. It can refuse (a 451 for every message) to
// test retries, and be stopped to test a server that is down.
//
//   const cert = createTestCertificate("tmp/smtp-cert");             // once per run
//   const smtp = await startSmtpServer({ certificate: cert });
//   ... SMTP_URL=smtp.url, and the app trusts cert.certFile (NODE_EXTRA_CA_CERTS, or smtpTransport's ca)
//   const mail = await smtp.waitFor((m) => m.to === "beleid@delft.example" && /ingediend/.test(m.subject));
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestCertificate = { certFile: string; keyFile: string; cert: string; key: string };

/** A self-signed certificate for localhost and 127.0.0.1 (kept in `dir`, made once). */
export function createTestCertificate(dir: string): TestCertificate {
  mkdirSync(dir, { recursive: true });
  const certFile = path.resolve(dir, "smtp-cert.pem");
  const keyFile = path.resolve(dir, "smtp-key.pem");
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        keyFile,
        "-out",
        certFile,
      ],
      { stdio: "ignore" },
    );
  }
  return { certFile, keyFile, cert: readFileSync(certFile, "utf8"), key: readFileSync(keyFile, "utf8") };
}

export type ReceivedMail = {
  /** The first recipient of the envelope, lower-cased. */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  /** Whether the session was on TLS (STARTTLS) and authenticated when the message came in. */
  secure: boolean;
  user: string | undefined;
  raw: Buffer;
  parsed: ParsedMail;
};

export type TestSmtpServer = {
  /** smtp://user:password@127.0.0.1:port, for SMTP_URL. */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** While true, every message is answered with 451 (a temporary failure). */
  refuse(refusing: boolean): void;
  /**
   * Answer each message only after `ms` (a slow mail server). A message whose client is gone by
   * then is discarded, not received, as a real MTA does when the connection drops before its 250.
   */
  delay(ms: number): void;
  close(): Promise<void>;
};

export async function startSmtpServer(options: {
  certificate: TestCertificate;
  port?: number;
  user?: string;
  password?: string;
  /** Also write every message as <n>.eml here (for a server in another process than its readers). */
  mailDir?: string;
}): Promise<TestSmtpServer> {
  const user = options.user ?? "zelfscan";
  const password = options.password ?? "smtp-test-wachtwoord";
  const messages: ReceivedMail[] = [];
  const waiters = new Set<{ match: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }>();
  let refusing = false;
  let delayMs = 0;
  const closedSessions = new Set<string>();
  if (options.mailDir) mkdirSync(options.mailDir, { recursive: true });

  const server = new SMTPServer({
    secure: false,
    key: options.certificate.key,
    cert: options.certificate.cert,
    // Credentials only over TLS: a client that does not do STARTTLS cannot log in.
    allowInsecureAuth: false,
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: false,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error("Onjuiste gebruikersnaam of wachtwoord"));
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (delayMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (closedSessions.has(session.id)) return;
        }
        if (refusing) {
          callback(Object.assign(new Error("Tijdelijk niet beschikbaar"), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const to = (session.envelope.rcptTo[0]?.address ?? "").toLowerCase();
            const mail: ReceivedMail = {
              to,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              headers: parsed.headers,
              secure: session.secure,
              user: session.user as string | undefined,
              raw,
              parsed,
            };
            messages.push(mail);
            if (options.mailDir) writeFileSync(path.join(options.mailDir, `${String(messages.length).padStart(5, "0")}.eml`), raw);
            for (const waiter of waiters) {
              if (waiter.match(mail)) {
                waiters.delete(waiter);
                waiter.resolve(mail);
              }
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    port,
    messages,
    waitFor(match, timeoutMs = 20_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (!waiters.delete(waiter)) return;
          reject(new Error(`Geen passend bericht binnen ${timeoutMs} ms; ontvangen: ${messages.map((m) => `${m.to}: ${m.subject}`).join("; ") || "niets"}`));
        }, timeoutMs).unref();
      });
    },
    refuse(value) {
      refusing = value;
    },
    delay(ms) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
