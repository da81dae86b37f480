// npm run db:backup [-- <file>]: backs up the configured database (DATABASE_URL or the embedded
// one in DATA_DIR) to backups/zelfscan-<time>.(tar.gz|dump) or the given file.
import path from "node:path";
import { databaseConfig } from "@/lib/db/config";
import { backupEmbedded, backupPostgres, BackupError } from "@/lib/db/backup";

const config = databaseConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = path.resolve(process.argv[2] ?? path.join("backups", `zelfscan-${stamp}.${config.kind === "embedded" ? "tar.gz" : "dump"}`));
try {
  if (config.kind === "embedded") await backupEmbedded(config.dataDir, file);
  else await backupPostgres(config.url, file);
  console.log(`Back-up gemaakt: ${file}`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
