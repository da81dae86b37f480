// npm run db:seed: writes the demo world (see README) into the configured database, also in
// production mode: running this command is the explicit request. Idempotent.
import { createDatabase } from "@/lib/db/client";
import { databaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";

const db = createDatabase(databaseConfig());
try {
  await applyMigrations(db.sql);
  const { created } = await seedDemoData(db.prisma);
  console.log(created ? `Demogegevens aangemaakt (${created} records).` : "De demogegevens waren er al; niets toegevoegd.");
} finally {
  await db.prisma.$disconnect();
  await db.sql.close();
}
