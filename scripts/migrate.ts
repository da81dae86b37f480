// npm run db:migrate: applies pending migrations to the configured database (DATABASE_URL, or the
// embedded database in DATA_DIR) and then prepares the job queue (pg-boss's tables in the schema
// "pgboss", and the application's queues), as the application does when it starts, so that a
// deployment that migrates before it starts the instances has everything in place.
import { createDatabase } from "@/lib/db/client";
import { databaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { prepareQueue } from "@/lib/mail/queue";

const db = createDatabase(databaseConfig());
try {
  const applied = await applyMigrations(db.sql);
  console.log(applied.length ? `Toegepast: ${applied.join(", ")}` : "De database is bijgewerkt; geen migraties open.");
  await prepareQueue(db);
  console.log("De wachtrij voor e-mail is klaar.");
} finally {
  await db.prisma.$disconnect();
  await db.sql.close();
}
