// Two app processes (node server.mjs) on one PostgreSQL database, sending to a real SMTP server on
// loopback (STARTTLS, authentication) that this spec starts: each instance runs its catch-up
// reminders run at start-up, at the same moment, and every due reminder arrives exactly once.
// Restarting one instance after another reminder became due sends that one once, and nothing
// again of the first.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createCluster, freePort } from "../../scripts/pg-cluster.mjs";
import { addDays, dayInAmsterdam, endOfDayInAmsterdam } from "../../lib/shared/dates";
import { createPostgresDatabase } from "../support/postgres-database";
import { createTestCertificate, startSmtpServer, type ReceivedMail } from "../support/smtp";

// The queue's schema and the reminders queue (lib/mail/queue.ts).
const JOBS = `pgboss.job`;
const REMINDERS = "herinneringen";

type Instance = { name: string; process: ChildProcess; baseURL: string; output: string[] };

test("two instances on one PostgreSQL: every due reminder is delivered exactly once, also after restarting one", async () => {
  test.setTimeout(420_000);
  let cluster: Awaited<ReturnType<typeof createCluster>> | undefined;
  let adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) {
    cluster = await createCluster();
    adminUrl = cluster.url;
  }
  const database = await createPostgresDatabase(adminUrl, "zelfscan_e2e_mail");
  const databaseUrl = database.url;
  const sql = new pg.Client({ connectionString: databaseUrl });

  const certificate = createTestCertificate("tmp/two-instances-smtp-cert");
  const smtp = await startSmtpServer({ certificate });
  const instances: Instance[] = [];
  const dataDirs: string[] = [];

  const start = async (name: string): Promise<Instance> => {
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const dataDir = `tmp/two-instances-${name}-${port}`;
    dataDirs.push(dataDir);
    const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        APP_ENV: "demo",
        SEED_DEMO_DATA: "true",
        DATA_DIR: dataDir,
        NEXTAUTH_URL: baseURL,
        SMTP_URL: smtp.url,
        SMTP_FROM: "Zelfscan Werken aan Veiligheid <zelfscan@zelfscan.example>",
        NODE_EXTRA_CA_CERTS: path.resolve(certificate.certFile),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const instance: Instance = { name, process: child, baseURL, output: [] };
    child.stdout!.on("data", (chunk: Buffer) => instance.output.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    child.stderr!.on("data", (chunk: Buffer) => instance.output.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    instances.push(instance);
    return instance;
  };
  const healthy = (instance: Instance) =>
    expect
      .poll(
        () =>
          fetch(`${instance.baseURL}/api/health`).then(
            (response) => response.status,
            () => 0,
          ),
        { timeout: 120_000, intervals: [500] },
      )
      .toBe(200);
  const stop = async (instance: Instance) => {
    if (instance.process.exitCode !== null || !instance.process.pid) return;
    const exited = new Promise((resolve) => instance.process.once("exit", resolve));
    process.kill(-instance.process.pid, "SIGTERM");
    await exited;
  };
  /** The reminder runs an instance logged, with how many messages each wrote. */
  const runsOf = (instance: Instance) =>
    instance.output
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { event: string; berichten?: number })
      .filter((entry) => entry.event === "herinneringen.gepland")
      .map((entry) => entry.berichten!);

  /** Who must get a reminder of the round: (address, gemeente) of every active officer of a gemeente whose scan is not submitted. */
  const dueFor = async (meetrondeName: string) => {
    const { rows } = await sql.query<{ email: string; gemeente: string }>(
      `SELECT u.email, g.name AS gemeente FROM "Meetronde" m
         JOIN "Gemeente" g ON g."regioId" = m."regioId"
         JOIN "RoleGrant" r ON r."gemeenteId" = g.id AND r.role = 'BELEIDSMEDEWERKER'
         JOIN "User" u ON u.id = r."userId" AND u.active
         LEFT JOIN "Zelfscan" z ON z."gemeenteId" = g.id AND z."meetrondeId" = m.id
        WHERE m.name = $1 AND (z.status IS NULL OR z.status <> 'INGEDIEND')
        ORDER BY 1, 2`,
      [meetrondeName],
    );
    return rows.map((row) => `${row.email} · ${row.gemeente}`);
  };
  const reminders = (meetrondeName: string) =>
    smtp.messages
      .filter((mail) => mail.subject.startsWith(`Herinnering: de zelfscan ${meetrondeName} `))
      .map((mail: ReceivedMail) => `${mail.to} · ${/^Gemeente (.+) · regio /m.exec(mail.text)![1]}`)
      .sort();
  /** Every reminders run finished and every reminder delivered (or failed). */
  const settled = async () => {
    const runs = await sql.query<{ open: number }>(`SELECT count(*)::int AS open FROM ${JOBS} WHERE name = $1 AND state NOT IN ('completed', 'failed')`, [
      REMINDERS,
    ]);
    const waiting = await sql.query<{ open: number }>(`SELECT count(*)::int AS open FROM "Message" WHERE kind = 'HERINNERING' AND status = 'WACHTEND'`);
    return runs.rows[0]!.open + waiting.rows[0]!.open;
  };
  const setDeadline = (meetrondeName: string, daysFromToday: number) => {
    const deadline = endOfDayInAmsterdam(addDays(dayInAmsterdam(new Date()), daysFromToday));
    return sql.query(`UPDATE "Meetronde" SET deadline = $1, status = 'OPEN' WHERE name = $2`, [deadline, meetrondeName]);
  };

  try {
    // The demo world, written once by one instance (its catch-up run finds no deadline near).
    const seeder = await start("seed");
    await healthy(seeder);
    await sql.connect();
    await expect.poll(() => runsOf(seeder), { timeout: 30_000 }).toEqual([0]);
    await stop(seeder);

    // Haaglanden's round ends in 10 Dutch days: its 14-day reminder is due.
    await setDeadline("Herhaalmeting 2026", 10);
    const first = await dueFor("Herhaalmeting 2026");
    expect(first.length).toBeGreaterThanOrEqual(2);
    const [a, b] = await Promise.all([start("a"), start("b")]);
    await Promise.all([healthy(a!), healthy(b!)]);
    // Two catch-up runs, one queued by each instance at its start (either instance may take either).
    await expect.poll(() => runsOf(a!).length + runsOf(b!).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(settled, { timeout: 60_000 }).toBe(0);
    await expect.poll(() => reminders("Herhaalmeting 2026"), { timeout: 30_000 }).toEqual(first);
    // Both runs together wrote each one once; a late duplicate would show here.
    expect([...runsOf(a!), ...runsOf(b!)].reduce((sum, count) => sum + count, 0)).toBe(first.length);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(reminders("Herhaalmeting 2026")).toEqual(first);
    expect(reminders("Herhaalmeting 2026").every((mail) => mail.includes("· "))).toBe(true);
    const fourteen = smtp.messages.filter((mail) => mail.subject.startsWith("Herinnering: de zelfscan Herhaalmeting 2026 "));
    expect(fourteen.every((mail) => mail.text.includes("is over 10 dagen, op "))).toBe(true);

    // While instance a is down, Hollands Midden's round comes within 2 days (its 3-day reminder
    // is due, its 14-day one passed unsent). Restarted, a catches up: that one once, nothing again.
    await stop(a!);
    await setDeadline("Zelfscan 2026", 2);
    const second = await dueFor("Zelfscan 2026");
    expect(second.length).toBeGreaterThanOrEqual(1);
    const runsOfBBefore = runsOf(b!).length;
    const again = await start("a-again");
    await healthy(again);
    // Its catch-up run (taken by whichever instance polls first) is the one new run.
    const newRuns = () => [...runsOf(again), ...runsOf(b!).slice(runsOfBBefore)];
    await expect.poll(newRuns, { timeout: 60_000 }).toEqual([second.length]);
    await expect.poll(settled, { timeout: 60_000 }).toBe(0);
    await expect.poll(() => reminders("Zelfscan 2026"), { timeout: 30_000 }).toEqual(second);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(reminders("Zelfscan 2026")).toEqual(second);
    expect(
      smtp.messages
        .filter((mail) => mail.subject.startsWith("Herinnering: de zelfscan Zelfscan 2026 "))
        .every((mail) => mail.text.includes("is over 2 dagen, op ")),
    ).toBe(true);
    expect(reminders("Herhaalmeting 2026")).toEqual(first);
    const { rows } = await sql.query<{ key: string }>(`SELECT "dedupeKey" AS key FROM "Message" WHERE kind = 'HERINNERING'`);
    expect(rows.filter((row) => row.key.startsWith("herinnering-14:"))).toHaveLength(first.length);
    expect(rows.filter((row) => row.key.startsWith("herinnering-3:"))).toHaveLength(second.length);
    expect(b!.process.exitCode).toBeNull();
  } finally {
    for (const instance of instances) await stop(instance);
    await sql.end().catch(() => undefined);
    await smtp.close();
    await database.drop();
    cluster?.destroy();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
});
