// The app.pid file the running app writes beside its embedded database (lib/db/prepare.ts), so that
// `npm run db:backup` and `db:restore` (lib/db/backup.ts) refuse to run while it has the database
// open. Its own module: start-up (instrumentation) needs only this, not the backup and its store.
import path from "node:path";

export function pidFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), "app.pid");
}
