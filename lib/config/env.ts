// Configuration from the environment, validated once with zod so that a wrong setting stops the
// application at start-up with a clear message instead of failing later.
import { z } from "zod";
import { MAX_TRUSTED_HOPS, parseTrustProxy } from "@/lib/http/server-gate.mjs";

const booleanFlag = z.enum(["true", "false", "1", "0", "ja", "nee"]).transform((value) => value === "true" || value === "1" || value === "ja");

/** A whole number of milliseconds from 0 to ten minutes; unset or empty: the fallback (as server.mjs reads it). */
const milliseconds = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const setting = value?.trim() ?? "";
      if (setting === "") return fallback;
      if (!/^\d{1,6}$/.test(setting) || Number(setting) > 600_000) {
        context.addIssue({ code: "custom", message: "moet een aantal milliseconden zijn (0 tot en met 600000)" });
        return z.NEVER;
      }
      return Number(setting);
    });

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
  // Signs and encrypts session tokens and TOTP secrets. Required in production; a demo creates
  // one in DATA_DIR on first start.
  NEXTAUTH_SECRET: z.string().min(32, "moet minstens 32 tekens lang zijn (bijvoorbeeld: openssl rand -base64 48)").optional(),
  // The public address of the application, e.g. https://zelfscan.gemeente.nl. Required in production.
  NEXTAUTH_URL: z.url({ message: "moet een volledig adres zijn, bijvoorbeeld https://zelfscan.gemeente.nl" }).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(2).max(480).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  // Second factor for every password account, not only for beheerders.
  MFA_REQUIRED_FOR_ALL: booleanFlag.default(false),
  // The number of reverse proxies in front of the app (server.mjs takes the client address that
  // many hops back in X-Forwarded-For); 0 or false: none, every forwarding header is ignored.
  // "true" is 1, as when this was a yes/no setting.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const hops = parseTrustProxy(value);
      if (hops === null) {
        context.addIssue({
          code: "custom",
          message: `moet false of het aantal reverse proxy's voor de app zijn (1 tot en met ${MAX_TRUSTED_HOPS}; true betekent 1)`,
        });
        return z.NEVER;
      }
      return hops;
    }),
  // Graceful shutdown (server.mjs, which reads them itself before Next.js starts, with the same
  // limits): how long the instance goes on serving after SIGTERM while its readiness check already
  // fails, so that the proxy stops sending it requests; and the limit for the whole shutdown.
  SHUTDOWN_DRAIN_MS: milliseconds(5_000),
  SHUTDOWN_TIMEOUT_MS: milliseconds(25_000),
  // Identity providers (OIDC, Entra ID) are configured by a beheerder in /beheer/identiteitsproviders.
  // Outgoing e-mail (lib/mail): smtp://user:password@host:587 (STARTTLS when the server offers it;
  // ?requireTLS=true refuses to send without it) or smtps://...:465. Without it, a demo keeps its
  // messages in the mailbox inside the app (Beheer › Berichten); production requires it.
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || /^smtps?:\/\/[^/]/.test(value), {
      message: "moet een SMTP-adres zijn: smtp://gebruiker:wachtwoord@mail.gemeente.nl:587 of smtps://...:465",
    }),
  // The sender: an address, optionally with a name ("Zelfscan Werken aan Veiligheid <zelfscan@gemeente.nl>").
  SMTP_FROM: z
    .string()
    .trim()
    .optional()
    .refine((value) => value === undefined || /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(value), {
      message: "moet een afzenderadres zijn, bijvoorbeeld Zelfscan <zelfscan@gemeente.nl>",
    }),
  // Evidence documents (lib/documenten). Without S3_ENDPOINT the files are kept in
  // DATA_DIR/documenten; with it, in an S3-compatible bucket (MinIO, Ceph, a cloud provider).
  S3_ENDPOINT: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || /^https?:\/\/[^/]/.test(value), { message: "moet een adres zijn, bijvoorbeeld https://s3.gemeente.nl" }),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default("eu-west-1"),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  // Path-style addresses (https://host/bucket/key), as most self-hosted servers want them.
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
  // The storage each gemeente's documents may take together (all versions), unless Beheer sets
  // another for a gemeente.
  DOCUMENT_QUOTA_MB: z.coerce.number().int().min(1).max(1_000_000).default(1024),
  // Virus scanning through clamd. With CLAMAV_HOST set, every upload is scanned; while clamd cannot
  // be reached, uploads are refused unless CLAMAV_REQUIRED is false.
  CLAMAV_HOST: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  CLAMAV_REQUIRED: booleanFlag.default(true),
  // GET /api/metrics (Prometheus) answers only with this token as its bearer token; without it the
  // address does not exist (404).
  METRICS_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.string().min(32, "moet minstens 32 tekens lang zijn (bijvoorbeeld: openssl rand -hex 32)").optional()),
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
  const settings = { ...data, APP_ENV: data.APP_ENV ?? (data.DATABASE_URL ? "production" : "demo") } as const;
  const problems: string[] = [];
  if (settings.APP_ENV === "production") {
    if (!settings.NEXTAUTH_SECRET) problems.push("- NEXTAUTH_SECRET: is verplicht in productie");
    if (!settings.NEXTAUTH_URL) problems.push("- NEXTAUTH_URL: is verplicht in productie (het openbare adres van de applicatie)");
    // A beheerder may read the in-app mailbox, with its reset links: only a demo has one.
    if (!settings.SMTP_URL) problems.push("- SMTP_URL: is verplicht in productie (de mailserver voor uitnodigingen, wachtwoordherstel en meldingen)");
  }
  // After the drain, in-flight requests, the mail worker and the PDF browser need time of their own.
  if (settings.SHUTDOWN_TIMEOUT_MS < settings.SHUTDOWN_DRAIN_MS + 5_000)
    problems.push("- SHUTDOWN_TIMEOUT_MS: moet minstens 5000 groter zijn dan SHUTDOWN_DRAIN_MS (tijd om lopende verzoeken en de wachtrij af te ronden)");
  if (settings.S3_ENDPOINT && !settings.S3_BUCKET) problems.push("- S3_BUCKET: is verplicht met S3_ENDPOINT (de bucket voor de documenten)");
  if (settings.S3_ENDPOINT && (!settings.S3_ACCESS_KEY_ID || !settings.S3_SECRET_ACCESS_KEY))
    problems.push("- S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY: zijn verplicht met S3_ENDPOINT");
  if (settings.SMTP_URL && !settings.SMTP_FROM) problems.push("- SMTP_FROM: is verplicht met SMTP_URL (het afzenderadres)");
  // The former single-provider settings: silently ignoring them would leave an operator believing
  // that OIDC is configured the old way.
  for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ALLOWED_TENANT", "OIDC_LABEL"]) {
    if (source[name]) problems.push(`- ${name}: wordt niet meer gebruikt; een beheerder stelt identiteitsproviders in onder Beheer › Identiteitsproviders`);
  }
  if (problems.length) throw new ConfigurationError(`Ongeldige configuratie:\n${problems.join("\n")}`);
  return settings;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
