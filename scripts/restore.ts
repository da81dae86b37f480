// npm run db:restore -- <file>: restores a backup made by npm run db:backup into the configured
// database. The embedded database that was there is kept aside; PostgreSQL is restored in one
// transaction. Stop the application first.
import path from "node:path";
import { databaseConfig } from "@/lib/db/config";
import { BackupError, restoreEmbedded, restorePostgres } from "@/lib/db/backup";

const file = process.argv[2];
if (!file) {
  console.error("Gebruik: npm run db:restore -- <back-upbestand>");
  process.exit(2);
}
const config = databaseConfig();
try {
  if (config.kind === "embedded") {
    const keptAside = await restoreEmbedded(path.resolve(file), config.dataDir);
    console.log(`Teruggezet in ${config.dataDir}.${keptAside ? ` De vorige database staat in ${keptAside}.` : ""}`);
  } else {
    await restorePostgres(path.resolve(file), config.url);
    console.log("Teruggezet in de PostgreSQL-database.");
  }
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
