// The end-to-end tests' SMTP server as a process of its own (a webServer of playwright.config.ts,
// so that it runs before and beside the app): every message it accepts is written as an .eml file
// into --dir, where tests/e2e/support/mail.ts reads them.
//   tsx tests/support/smtp-server.ts --port 4100 --dir tmp/e2e-mail-3100 --cert-dir tmp/e2e-smtp-cert
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTestCertificate, startSmtpServer } from "./smtp";

const { values } = parseArgs({ options: { port: { type: "string" }, dir: { type: "string" }, "cert-dir": { type: "string" } } });
if (!values.port || !values.dir || !values["cert-dir"]) {
  console.error("Gebruik: tsx tests/support/smtp-server.ts --port <poort> --dir <map voor .eml> --cert-dir <map van het certificaat>");
  process.exit(2);
}
rmSync(values.dir, { recursive: true, force: true });
const server = await startSmtpServer({ certificate: createTestCertificate(values["cert-dir"]), port: Number(values.port), mailDir: values.dir });
console.log(`SMTP-testserver op 127.0.0.1:${server.port}, berichten in ${values.dir}`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
