// npm run bench: prints figures (not a test). Each scenario reports its results; see README.
import os from "node:os";
import { benchDocumenten } from "./documenten";
import { benchFrontend } from "./frontend";
import { benchInstances } from "./instances";
import { benchLandelijk } from "./landelijk";
import { benchLoad } from "./load";
import { benchMail } from "./mail";
import { benchPdf } from "./pdf";
import { benchRegio } from "./regio";
import type { BenchResult } from "./stats";

const scenarios: Record<string, () => Promise<BenchResult[]>> = {
  pdf: benchPdf,
  regio: () => benchRegio("embedded"),
  "regio-postgresql": () => benchRegio("postgresql"),
  landelijk: () => benchLandelijk("embedded"),
  "landelijk-postgresql": () => benchLandelijk("postgresql"),
  frontend: benchFrontend,
  load: () => benchLoad("embedded"),
  "load-postgresql": () => benchLoad("postgresql"),
  mail: benchMail,
  documenten: () => benchDocumenten("lokaal"),
  "documenten-s3": () => benchDocumenten("s3"),
  instances: benchInstances,
};
const chosen = process.argv.slice(2).filter((name) => name in scenarios);

console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "onbekend"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const name of chosen.length ? chosen : Object.keys(scenarios)) {
  console.log(`\n== ${name} ==`);
  for (const result of await scenarios[name]!()) {
    const value =
      result.decimals !== undefined
        ? result.value.toFixed(result.decimals)
        : result.value >= 100
          ? Math.round(result.value)
          : Math.round(result.value * 10) / 10;
    console.log(`${result.name}: ${value}${result.unit ? ` ${result.unit}` : ""}${result.target ? ` (doel ${result.target})` : ""}`);
  }
}
