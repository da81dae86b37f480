// npm run db:backup [-- <folder>]: backs up the configured database (DATABASE_URL or the embedded
// one in DATA_DIR) and every stored document file (S3_ENDPOINT's bucket or DATA_DIR/documenten)
// into backups/zelfscan-<time>/ or the given folder (lib/db/backup.ts describes its contents).
import path from "node:path";
import { databaseConfig } from "@/lib/db/config";
import { backup, BackupError } from "@/lib/db/backup";
import { fileStore } from "@/lib/documenten/store";

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const folder = path.resolve(process.argv[2] ?? path.join("backups", `zelfscan-${stamp}`));
try {
  const made = await backup(databaseConfig(), fileStore(), folder);
  console.log(`Back-up gemaakt: ${made.folder} (de database en ${made.files} documentbestanden, ${(made.bytes / 1024 / 1024).toFixed(1)} MB)`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
