// The production server's lifecycle (issue 18), on its own app process (node server.mjs on the
// build) and its own PostgreSQL database:
// - every answer carries an X-Request-Id, and the log lines written while handling the request
//   carry the same id: in a route handler (logging in), a server action (Wachtwoord vergeten, whose
//   work runs after the answer) and a server component that fails, whose error page shows the id;
// - on SIGTERM the instance reports "shutting-down" on its readiness check while it still serves
//   and stays live, a slow upload that began before the signal finishes with 200, new connections
//   are refused once the server has closed, the mail worker stops cleanly and the process exits 0;
// - a PDF export in flight at SIGTERM finishes (Chromium is closed after the last request, not by
//   Playwright's own signal handler), and SIGINT after a PDF was rendered drains and exits 0, not 130.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { rmSync } from "node:fs";
import { expect, test, type Response as PageResponse } from "@playwright/test";
import pg from "pg";
import { createCluster } from "../../scripts/pg-cluster.mjs";
import { delftScanId } from "./support/demo-ids";
import { login } from "./support/login";
import { createPostgresDatabase } from "../support/postgres-database";

// LIFECYCLE_E2E_PORT: another port when several checkouts run their e2e tests on one machine.
const PORT = Number(process.env.LIFECYCLE_E2E_PORT ?? 3222);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DRAIN_MS = 2_500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type LogLine = { event?: string; requestId?: string; digest?: string; level?: string; routeType?: string };

test("request ids in answers, log lines and error pages; SIGTERM drains, finishes the request in flight and exits 0", async ({ browser }) => {
  test.setTimeout(150_000);
  let cluster: Awaited<ReturnType<typeof createCluster>> | undefined;
  let adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) {
    cluster = await createCluster();
    adminUrl = cluster.url;
  }
  const database = await createPostgresDatabase(adminUrl, "zelfscan_e2e_lifecycle");
  const sql = new pg.Client({ connectionString: database.url });
  const dataDir = `tmp/lifecycle-data-${PORT}`;
  const output: string[] = [];
  let server: ChildProcess | undefined;
  const logLines = () =>
    output.flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  const linesOf = (requestId: string) => logLines().filter((line) => line.requestId === requestId);
  const status = (path: string) =>
    fetch(`${BASE_URL}${path}`).then(
      async (response) => ({ status: response.status, body: (await response.json()) as { status: string } }),
      () => ({ status: 0, body: { status: "weg" } }),
    );
  const requestIdOf = (response: PageResponse) => response.headers()["x-request-id"] ?? "";
  const exportPdf = (scanId: string, cookie: string) =>
    fetch(`${BASE_URL}/zelfscans/${scanId}/verbeterplan.pdf`, { headers: { cookie } }).then(async (response) => ({
      status: response.status,
      head: Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    }));

  try {
    const start = (settings: Record<string, string>) => {
      const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(PORT)], {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          APP_ENV: "demo",
          SEED_DEMO_DATA: "true",
          DATA_DIR: dataDir,
          NEXTAUTH_URL: BASE_URL,
          NEXT_TELEMETRY_DISABLED: "1",
          SHUTDOWN_TIMEOUT_MS: "30000",
          ...settings,
        },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      const collect = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      child.stdout!.on("data", collect);
      child.stderr!.on("data", collect);
      return { child, exited: new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))) };
    };
    const first = start({ SHUTDOWN_DRAIN_MS: String(DRAIN_MS), TRUST_PROXY: "" });
    server = first.child;
    const exited = first.exited;
    await expect.poll(async () => (await status("/api/health/ready")).status, { timeout: 90_000, intervals: [500] }).toBe(200);
    await sql.connect();

    // Every answer has its own id; without a trusted proxy a client's X-Request-Id is not taken.
    const live = await fetch(`${BASE_URL}/api/health/live`, { headers: { "X-Request-Id": "door-de-client-gekozen" } });
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "live" });
    expect(live.headers.get("x-request-id")).toMatch(UUID);
    const ready = await fetch(`${BASE_URL}/api/health/ready`);
    expect(await ready.json()).toMatchObject({ status: "ok", database: "postgresql" });
    expect(ready.headers.get("x-request-id")).toMatch(UUID);
    expect(ready.headers.get("x-request-id")).not.toBe(live.headers.get("x-request-id"));

    // A route handler: the login's log line (auth.ingelogd) carries the id of the login's answer.
    const context = await browser.newContext({ baseURL: BASE_URL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    const loginAnswer = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await login(page, "beleid@delft.example");
    const loginId = requestIdOf(await loginAnswer);
    expect(loginId).toMatch(UUID);
    await expect.poll(() => linesOf(loginId).map((line) => line.event)).toContain("auth.ingelogd");

    // A server action whose work runs after the answer (next/server's after()): its audit line too.
    const anonymous = await browser.newContext({ baseURL: BASE_URL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const resetPage = await anonymous.newPage();
    await resetPage.goto("/wachtwoord-vergeten");
    await resetPage.getByLabel("E-mailadres").fill("beleid@delft.example");
    const actionAnswer = resetPage.waitForResponse((response) => response.request().method() === "POST" && "next-action" in response.request().headers());
    await resetPage.getByRole("button", { name: "Stuur mij een link" }).click();
    const actionId = requestIdOf(await actionAnswer);
    expect(actionId).toMatch(UUID);
    await expect.poll(() => linesOf(actionId).map((line) => line.event), { timeout: 15_000 }).toContain("account.wachtwoord-vergeten");

    // A server component that fails (the login page reads the identity providers, whose table is
    // gone for a moment): the error page shows the answer's id, and the failure's log line has it.
    await sql.query(`ALTER TABLE "IdentityProvider" RENAME TO "IdentityProvider_weg"`);
    let errorId: string;
    const provoked = new Set<string>();
    try {
      // Reached by a link within the app, the page's id (of the document loaded before) would be
      // another request's: the reference is the failure's digest, which its log line carries.
      const navigation = resetPage.waitForResponse((response) => new URL(response.url()).pathname === "/login" && response.request().headers()["rsc"] === "1");
      await resetPage.getByRole("link", { name: "Terug naar inloggen" }).click();
      const navigationId = requestIdOf(await navigation);
      provoked.add(navigationId);
      expect(navigationId).toMatch(UUID);
      const shown = resetPage.getByRole("alert").filter({ hasText: "Deze pagina kon niet worden geladen" });
      await expect(shown).toContainText("Referentie voor de beheerder: ");
      const navigationReference = (await shown.locator("code").textContent()) ?? "";
      expect(navigationReference).not.toMatch(UUID);
      await expect.poll(() => linesOf(navigationId).find((line) => line.event === "request.fout")?.digest).toBe(navigationReference);

      const failed = await resetPage.goto("/login");
      expect(failed!.status()).toBe(500);
      errorId = requestIdOf(failed!);
      provoked.add(errorId);
      expect(errorId).toMatch(UUID);
      await expect(resetPage.getByRole("heading", { name: "Deze pagina kon niet worden geladen" })).toBeVisible();
      await expect(resetPage.getByRole("alert").filter({ hasText: "Deze pagina kon niet worden geladen" })).toContainText(
        `Referentie voor de beheerder: ${errorId}`,
      );
    } finally {
      await sql.query(`ALTER TABLE "IdentityProvider_weg" RENAME TO "IdentityProvider"`);
    }
    await expect.poll(() => linesOf(errorId).filter((line) => line.event === "request.fout").length).toBeGreaterThan(0);
    const failure = linesOf(errorId).find((line) => line.event === "request.fout")!;
    expect(failure).toMatchObject({ level: "error", routeType: "render" });
    expect(failure.digest).toBeTruthy();
    // Next.js's own report of the error is one JSON line with the same id and digest, not a stack.
    expect(linesOf(errorId)).toContainEqual(expect.objectContaining({ event: "next.melding", digest: failure.digest, errorCode: "P2021" }));
    expect(output.filter((line) => /^\s+at |^⨯|^\s*code: /.test(line))).toEqual([]);
    await anonymous.close();

    // A slow request in flight: an upload whose body arrives over six seconds, begun before SIGTERM.
    const scanId = await delftScanId(page);
    const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
    await context.close();
    // Chromium runs (a first PDF), so that the one in flight at SIGTERM meets a started browser.
    expect(await exportPdf(scanId, cookie)).toEqual({ status: 200, head: "%PDF-" });
    const boundary = `----lifecycle${randomBytes(8).toString("hex")}`;
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%", "latin1"),
      randomBytes(256 * 1024),
      Buffer.from("\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1"),
    ]);
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(
        field("title", "Afsluittest") +
          field("ingangsdatum", "2024-01-01") +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="afsluittest.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    let bodyEndedAt = 0;
    const upload = new Promise<{ status: number; text: string; requestId: string }>((resolve, reject) => {
      const outgoing = httpRequest(
        `${BASE_URL}/api/zelfscans/${scanId}/antwoorden/10c/documenten`,
        {
          method: "POST",
          agent: false,
          headers: { origin: BASE_URL, cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(body.length) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), requestId: String(response.headers["x-request-id"]) }),
          );
        },
      );
      outgoing.on("error", reject);
      const pieces = 24;
      const size = Math.ceil(body.length / pieces);
      let sent = 0;
      const next = () => {
        outgoing.write(body.subarray(sent * size, (sent + 1) * size));
        sent++;
        if (sent < pieces) setTimeout(next, 250);
        else {
          outgoing.end();
          bodyEndedAt = Date.now();
        }
      };
      next();
    });

    await new Promise((resolve) => setTimeout(resolve, 500));
    const pdfInFlight = exportPdf(scanId, cookie);
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.kill(server.pid!, "SIGTERM");
    const signalledAt = Date.now();
    // The drain: not ready, still live, still answering.
    await expect.poll(async () => (await status("/api/health/ready")).status, { timeout: 1_000, intervals: [100] }).toBe(503);
    expect((await status("/api/health/ready")).body).toMatchObject({ status: "shutting-down" });
    expect((await status("/api/health")).status).toBe(503);
    expect(await status("/api/health/live")).toEqual({ status: 200, body: { status: "live" } });
    expect(Date.now() - signalledAt).toBeLessThan(DRAIN_MS);
    // After the drain the server is closed: a new connection is refused.
    await expect.poll(async () => (await status("/api/health/live")).status, { timeout: DRAIN_MS + 3_000, intervals: [200] }).toBe(0);
    const refusedAt = Date.now();
    expect(refusedAt - signalledAt).toBeGreaterThanOrEqual(DRAIN_MS);
    // The upload begun before the signal, still sending then, is answered in full.
    const uploaded = await upload;
    // Its body was still arriving when the server no longer took connections.
    expect(bodyEndedAt).toBeGreaterThan(refusedAt);
    expect(uploaded.status, uploaded.text).toBe(200);
    expect(JSON.parse(uploaded.text)).toMatchObject({ status: "ok" });
    expect(uploaded.requestId).toMatch(UUID);
    const { rows } = await sql.query<{ size: number }>(`SELECT size FROM "DocumentVersie" WHERE "fileName" = 'afsluittest.pdf'`);
    expect(rows[0]?.size).toBe(pdf.length);
    expect(await pdfInFlight).toEqual({ status: 200, head: "%PDF-" });

    expect(await exited).toBe(0);
    const events = logLines().map((line) => line.event);
    expect(events).toEqual(expect.arrayContaining(["server.afsluiten", "server.gesloten-voor-nieuwe-verbindingen", "mail.worker-gestopt", "server.gestopt"]));
    expect(events.indexOf("mail.worker-gestopt")).toBeGreaterThan(events.indexOf("server.gesloten-voor-nieuwe-verbindingen"));
    expect(events).not.toContain("server.verbindingen-afgebroken");
    // The mail worker took no new jobs from the signal on, before the server closed.
    expect(events.indexOf("mail.worker-gepauzeerd")).toBeGreaterThan(events.indexOf("server.afsluiten"));
    expect(events.indexOf("mail.worker-gepauzeerd")).toBeLessThan(events.indexOf("server.gesloten-voor-nieuwe-verbindingen"));
    // No error but the two failures provoked above.
    expect(logLines().filter((line) => line.level === "error" && !provoked.has(line.requestId ?? ""))).toEqual([]);

    // Behind a trusted proxy (TRUST_PROXY=1; here the test is the proxy) the proxy's well-formed id
    // is taken, for the answer and the log lines; a malformed one is replaced.
    const second = start({ SHUTDOWN_DRAIN_MS: "1500", TRUST_PROXY: "1" });
    server = second.child;
    await expect.poll(async () => (await status("/api/health/ready")).status, { timeout: 60_000, intervals: [500] }).toBe(200);
    const proxyId = "7F000001:D4A2_7F000001:0BB8_6934A1B2_0001:1F2E";
    const viaProxy = { "X-Forwarded-For": "192.0.2.10" };
    const adopted = await fetch(`${BASE_URL}/api/health/live`, { headers: { ...viaProxy, "X-Request-Id": proxyId } });
    expect(adopted.headers.get("x-request-id")).toBe(proxyId);
    const replaced = await fetch(`${BASE_URL}/api/health/live`, { headers: { ...viaProxy, "X-Request-Id": "kort" } });
    expect(replaced.headers.get("x-request-id")).toMatch(UUID);
    const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { headers: viaProxy });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((entry) => entry.split(";")[0])
      .join("; ");
    const failedLoginId = `${proxyId}-login`;
    const wrongLogin = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...viaProxy, "X-Request-Id": failedLoginId, origin: BASE_URL, cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "beleid@delft.example", password: "niet-het-wachtwoord", csrfToken, json: "true" }),
    });
    expect(wrongLogin.headers.get("x-request-id")).toBe(failedLoginId);
    await expect.poll(() => linesOf(failedLoginId).map((line) => line.event)).toContain("auth.inloggen-mislukt");

    // SIGINT (Ctrl-C) after a PDF was rendered: the drain as on SIGTERM, and exit 0 (Playwright's
    // own handler would exit at once with 130).
    expect(await exportPdf(scanId, cookie)).toEqual({ status: 200, head: "%PDF-" });
    process.kill(server.pid!, "SIGINT");
    await expect.poll(async () => (await status("/api/health/ready")).body, { timeout: 1_000, intervals: [100] }).toMatchObject({ status: "shutting-down" });
    expect(await second.exited).toBe(0);
  } finally {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
    await sql.end().catch(() => undefined);
    await database.drop();
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
