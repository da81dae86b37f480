// Prisma CLI configuration. The CLI is used for two things only: `prisma generate` and
// `prisma migrate diff` (scripts/new-migration.ts). Migrations are applied by lib/db/migrate.ts,
// the same code for the embedded database and PostgreSQL. engine "js" keeps the CLI on the
// WebAssembly engines shipped in the npm package: nothing is downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = process.env.PRISMA_CLI_PGLITE_DIR;
    return new PrismaPGlite(dir ? new PGlite(dir) : new PGlite());
  },
});
