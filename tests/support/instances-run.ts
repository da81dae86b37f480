// Runs the several-instances scenario (tests/support/instances.ts) in a process of its own, for
// tests/e2e/instances.spec.ts: the scenario uses the data layer, whose "server-only" modules need
// the hook that the benchmarks use too.
//   tsx --import ./scripts/bench/server-only-hook.mjs tests/support/instances-run.ts <options.json> <result.json>
import { readFileSync, writeFileSync } from "node:fs";
import { runInstancesScenario, type ScenarioOptions } from "./instances";

const [optionsFile, resultFile] = process.argv.slice(2);
if (!optionsFile || !resultFile) {
  console.error("Gebruik: tsx --import ./scripts/bench/server-only-hook.mjs tests/support/instances-run.ts <opties.json> <uitkomst.json>");
  process.exit(2);
}
const options = JSON.parse(readFileSync(optionsFile, "utf8")) as ScenarioOptions;
const result = await runInstancesScenario({ ...options, progress: (line) => console.log(line) });
writeFileSync(resultFile, JSON.stringify(result, null, 2));
