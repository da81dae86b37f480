// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema of
// the latest migration (its schema.prisma snapshot) to the current prisma/schema.prisma, and
// stores the current schema as the new snapshot. Works offline and needs no database.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Gebruik: npm run db:migration:new -- <naam>, bijvoorbeeld: npm run db:migration:new -- regionale_acties");
  process.exit(2);
}

const migrationsDir = path.join("prisma", "migrations");
const latest = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
const from = latest ? ["--from-schema-datamodel", path.join(migrationsDir, latest, "schema.prisma")] : ["--from-empty"];

let sql: string;
try {
  sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", "schema.prisma"), "--script"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
} catch {
  console.error("prisma migrate diff is mislukt; zie de melding hierboven.");
  process.exit(1);
}
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  console.log("Het schema is niet gewijzigd sinds de laatste migratie; er is geen migratie gemaakt.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(path.join("prisma", "schema.prisma"), path.join(dir, "schema.prisma"));
console.log(`Nieuwe migratie: ${dir}/migration.sql. Controleer de SQL en voer de tests uit.`);
