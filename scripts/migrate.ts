// npm run db:migrate: applies pending migrations to the configured database (DATABASE_URL, or the
// embedded database in DATA_DIR). The application also does this itself when it starts.
import { databaseConfig } from "@/lib/db/config";
import { openDriver } from "@/lib/db/driver";
import { applyMigrations } from "@/lib/db/migrate";

const config = databaseConfig();
const driver = await openDriver(config);
try {
  const applied = await applyMigrations(driver);
  console.log(applied.length ? `Toegepast: ${applied.join(", ")}` : "De database is bijgewerkt; geen migraties open.");
} finally {
  await driver.close();
}
