// Configuration from the environment, validated once with zod so that a wrong setting stops the
// application at start-up with a clear message instead of failing later.
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "ja", "nee"])
  .transform((value) => value === "true" || value === "1" || value === "ja");

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      message: "moet een PostgreSQL-adres zijn (postgresql://gebruiker:wachtwoord@host:5432/database) of leeg voor de ingebouwde database",
    }),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  // "demo": a local trial with demo accounts; "production": a real deployment (no demo data unless
  // SEED_DEMO_DATA says so, secure cookies, HSTS). Without a setting, a PostgreSQL deployment is
  // production and the embedded database is a demo.
  APP_ENV: z.enum(["demo", "production"]).optional(),
  SEED_DEMO_DATA: booleanFlag.optional(),
});

export type Env = Omit<z.infer<typeof ZEnvSchema>, "APP_ENV"> & { APP_ENV: "demo" | "production" };

export class ConfigurationError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `- ${issue.path.join(".") || "(omgeving)"}: ${issue.message}`);
    throw new ConfigurationError(`Ongeldige configuratie:\n${lines.join("\n")}`);
  }
  const data = result.data;
  return { ...data, APP_ENV: data.APP_ENV ?? (data.DATABASE_URL ? "production" : "demo") };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
