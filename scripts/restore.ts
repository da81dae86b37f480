// npm run db:restore -- <folder>: restores a backup made by npm run db:backup into the configured
// database and file store. The embedded database that was there is kept aside; PostgreSQL is
// restored in one transaction; each document file is put back under its key, checked against its
// sha256, and nothing else in the store is deleted. A single database file (a backup of an older
// version) restores the database alone. Stop the application first.
import path from "node:path";
import { databaseConfig } from "@/lib/db/config";
import { BackupError, restore } from "@/lib/db/backup";
import { fileStore } from "@/lib/documenten/store";

const source = process.argv[2];
if (!source) {
  console.error("Gebruik: npm run db:restore -- <back-upmap>");
  process.exit(2);
}
const config = databaseConfig();
try {
  const restored = await restore(path.resolve(source), config, fileStore());
  const database = config.kind === "embedded" ? `Teruggezet in ${config.dataDir}.` : "Teruggezet in de PostgreSQL-database.";
  const aside = restored.keptAside ? ` De vorige database staat in ${restored.keptAside}.` : "";
  const files =
    restored.files === null
      ? " Deze back-up bevat geen documentbestanden (een back-up van een eerdere versie)."
      : ` ${restored.files} documentbestanden teruggezet (${(restored.bytes / 1024 / 1024).toFixed(1)} MB).`;
  console.log(`${database}${aside}${files}`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
