// Several instances behind HAProxy (docs/haproxy.cfg) on one PostgreSQL, with 50 officers
// autosaving through the proxy while instance B crashes (SIGKILL) halfway and instance A gets a
// rolling restart (SIGTERM) at three quarters. The set-up is tests/support/instances.ts, shared with
// tests/e2e/instances.spec.ts. PostgreSQL: BENCH_POSTGRES_URL, else a throwaway cluster.
//   BENCH_INSTANCES_SECONDS (60), BENCH_INSTANCES_OFFICERS (50), BENCH_INSTANCES_MESSAGES (300)
import { hasHaproxy, runInstancesScenario, type ScenarioResult } from "../../tests/support/instances";
import { hasProductionBuild } from "./server";
import type { BenchResult } from "./stats";

export async function benchInstances(): Promise<BenchResult[]> {
  if (!hasProductionBuild()) {
    console.log("Geen productiebuild: voer eerst `npm run build` uit. Instanties overgeslagen.");
    return [];
  }
  if (!hasHaproxy()) {
    console.log("HAProxy ontbreekt (apt-get install haproxy): instanties overgeslagen.");
    return [];
  }
  const officers = Number(process.env.BENCH_INSTANCES_OFFICERS ?? 50);
  const result = await runInstancesScenario({
    officers,
    seconds: Number(process.env.BENCH_INSTANCES_SECONDS ?? 60),
    pacingMs: 1000,
    ports: { proxy: 3241, a: 3242, b: 3243 },
    adminUrl: process.env.BENCH_POSTGRES_URL,
    stopB: "SIGKILL",
    messages: Number(process.env.BENCH_INSTANCES_MESSAGES ?? 300),
    // A delivery that the SIGKILL interrupted is taken up again once its job expires (5 minutes).
    settleTimeoutMs: 10 * 60_000,
    progress: (line) => console.log(`  ${line}`),
  });
  return report(result);
}

function report(result: ScenarioResult): BenchResult[] {
  const statuses = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ");
  const { rateLimit: limit, migrations, mail, reminders, sessions } = result;
  return [
    { name: `opslagen per seconde via HAProxy (${result.officers} medewerkers, elk 1 s een, ${result.seconds} s)`, value: result.savesPerSecond, unit: "/s" },
    { name: "latentie p50 (elke poging)", value: result.p50, unit: "ms" },
    { name: "latentie p95 (elke poging)", value: result.p95, unit: "ms" },
    { name: `fouten die medewerkers zagen (≥ 500 of netwerk; ${result.requests} verzoeken)`, value: result.errors, unit: "" },
    ...result.phases.map((phase) => ({
      name: `  fouten ${phase.name} (${phase.requests} verzoeken, ${phase.saves} opgeslagen${Object.keys(phase.statuses).length ? `; ${statuses(phase.statuses)}` : ""})`,
      value: phase.errors,
      unit: "",
    })),
    { name: "409 na een herhaalde poging met de eigen tekst (de eerste poging was opgeslagen)", value: result.conflictsAfterRetry, unit: "" },
    { name: "onverwachte antwoorden (401, 409 van een ander, andere 4xx)", value: result.unexpected, unit: "", target: "0" },
    { name: `bevestigde opslagen nagekeken in de database (${result.lost.checked} onderdelen): verloren`, value: result.lost.lost, unit: "", target: "0" },
    { name: `sessies: door de ene instantie gemaakt, door de andere bediend (van ${result.officers})`, value: sessions.madeOnOneUsedOnOther, unit: "" },
    {
      name: `sessies: medewerkers die vóór de crash door B werden bediend en daarna met hetzelfde cookie 200 van A kregen (van ${sessions.servedByBBefore})`,
      value: sessions.continuedOnA,
      unit: "",
    },
    { name: "sessies: 401-antwoorden tijdens de hele run", value: sessions.unauthorized, unit: "", target: "0" },
    {
      name: `inlogbegrenzing gedeeld: eerste geweigerde poging, afwisselend direct naar A en B (${limit.freeFailures} gratis; gedeeld ${limit.expectedShared}, per instantie ${limit.expectedSeparate}) [${limit.attempts.join(" ")}]`,
      value: limit.firstRefusedAttempt ?? 0,
      unit: "",
      target: String(limit.expectedShared),
    },
    {
      name: `migraties bij de start: ${migrations.files} bestanden, ${migrations.rows} rijen in _schema_migrations (${migrations.distinct} verschillend); toegepast door A ${migrations.appliedByA}, door B ${migrations.appliedByB}`,
      value: migrations.appliedByA + migrations.appliedByB,
      unit: "",
      target: String(migrations.files),
    },
    { name: `berichten in de wachtrij gezet (outbox)`, value: mail.queued, unit: "" },
    { name: `  bezorgtaken actief (op A of B) vlak voor de SIGKILL van B (trage mailserver: 2 s per bericht)`, value: result.activeDeliveriesAtStop, unit: "" },
    { name: `  bezorgtaken die opnieuw liepen (afgebroken door de SIGKILL, na het verlopen van hun taak)`, value: result.retriedDeliveries, unit: "" },
    { name: `  afgeleverd (op Message-ID)`, value: mail.delivered, unit: "" },
    { name: `  ontbrekend`, value: mail.missing, unit: "", target: "0" },
    { name: `  meer dan eens afgeleverd (zelfde Message-ID; kan na een SIGKILL tussen 250 en vastleggen)`, value: mail.duplicated, unit: "" },
    { name: `  mislukt`, value: mail.failed, unit: "", target: "0" },
    {
      name: `herinneringen (deadline over 3 dagen; verwacht ${reminders.expected}): geschreven`,
      value: reminders.queued,
      unit: "",
      target: String(reminders.expected),
    },
    { name: `  afgeleverd`, value: reminders.delivered, unit: "" },
    { name: `  ontbrekend`, value: reminders.missing, unit: "", target: "0" },
    { name: `  meer dan eens afgeleverd`, value: reminders.duplicated, unit: "" },
    { name: "wachten tot de wachtrij leeg was, na de belasting", value: result.settleSeconds, unit: "s" },
  ];
}
