import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";

let cached: string | undefined;

/** The application secret: NEXTAUTH_SECRET, or in a demo a random secret kept in DATA_DIR. */
export function applicationSecret(): string {
  if (cached) return cached;
  const settings = env();
  if (settings.NEXTAUTH_SECRET) return (cached = settings.NEXTAUTH_SECRET);
  // Production without a secret is refused by the configuration check; this is the demo path.
  const file = path.resolve(settings.DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(48).toString("base64url");
    writeFileSync(file, cached, { mode: 0o600, flag: "wx" });
  }
  return cached;
}
