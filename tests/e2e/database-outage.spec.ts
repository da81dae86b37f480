// The database goes away under a running app (PostgreSQL stopped, then started again): users get a
// clear Dutch message instead of a crash, nothing half-saved appears, and the app recovers by
// itself, without a restart. This test runs its own app process against its own PostgreSQL server.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createCluster, freePort } from "../../scripts/pg-cluster.mjs";
import { login, scanIdOf } from "./support/login";

type Answer = { item: string; versie: number; toelichting: string };
const answer = (toelichting: string) => ({ score: 1, weetIkNiet: false, toelichting, vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: 3 });

test("PostgreSQL stopped and started: clear errors, no partial writes, recovery without restarting the app", async ({ browser }) => {
  test.setTimeout(180_000);
  const cluster = await createCluster();
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = `tmp/outage-data-${port}`;
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
      env: { ...process.env, DATABASE_URL: cluster.url, APP_ENV: "demo", SEED_DEMO_DATA: "true", DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
      detached: true,
    });
    const health = () =>
      fetch(`${baseURL}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
    await expect.poll(health, { timeout: 90_000, intervals: [500] }).toBe(200);

    const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    await login(page, "beleid@delft.example");
    const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
    const exported = async () => ((await (await page.request.get(`/zelfscans/${scanId}/antwoorden.json`)).json()) as { antwoorden: Answer[] }).antwoorden;
    const item = (await exported())[0]!;
    const save = (baseVersion: number, toelichting: string) =>
      page.request.put(`/api/zelfscans/${scanId}/antwoorden/${item.item}`, {
        data: { baseVersion, answer: answer(toelichting) },
        headers: { origin: baseURL },
      });

    expect((await save(item.versie, "Voor de storing")).status()).toBe(200);

    cluster.stop();
    expect(await health()).toBe(503);
    const during = await save(item.versie + 1, "Tijdens de storing");
    expect(during.status()).toBe(503);
    expect(((await during.json()) as { fout: string }).fout).toContain("De database is even niet bereikbaar");
    const pageDuring = await page.goto("/gemeenten/delft");
    expect(pageDuring!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole("heading", { name: "Deze pagina kon niet worden geladen" })).toBeVisible();

    cluster.start();
    await expect.poll(health, { timeout: 30_000, intervals: [500] }).toBe(200);
    expect(server.exitCode).toBeNull();
    await expect.poll(async () => (await save(item.versie + 1, "Na de storing")).status(), { timeout: 30_000, intervals: [1000] }).toBe(200);
    const after = (await exported()).find((row) => row.item === item.item)!;
    expect(after).toMatchObject({ versie: item.versie + 2, toelichting: "Na de storing" });
    await page.goto("/gemeenten/delft");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Delft");
    await context.close();
  } finally {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    cluster.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
