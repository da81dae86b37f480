// Single-use recovery codes, for when the authenticator app is not at hand. Ten per user, each
// eight characters from Crockford's base32 alphabet (no i, l, o, u: 32 symbols, 5 bits each, so
// 40 random bits per code), shown as "k7m2-9xqp". Only a keyed SHA-256 hash (HMAC with a key
// derived from the application secret) is stored: a copy of the database alone is not enough to
// find the codes by trying all 2^40 of them.
import { createHmac, randomInt } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { applicationKey } from "./crypto";

const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const CODE_LENGTH = 8;
const KEY_PURPOSE = "recovery-code";

/** A new code, formatted for display: "k7m2-9xqp". */
function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/**
 * What a person typed, as the stored form: lower case, without dashes and spaces, with the
 * letters that look like digits read as those digits (o → 0, i and l → 1). Null when it cannot
 * be a recovery code.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s\-–—]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const char of code) if (!RECOVERY_CODE_ALPHABET.includes(char)) return null;
  return code;
}

export function hashRecoveryCodeWithKey(key: Buffer, normalised: string): string {
  return createHmac("sha256", key).update(normalised, "utf8").digest("hex");
}

function hashRecoveryCode(normalised: string): string {
  return hashRecoveryCodeWithKey(applicationKey(KEY_PURPOSE), normalised);
}

type Writer = Pick<PrismaClient, "recoveryCode"> | Prisma.TransactionClient;

/**
 * Replaces all recovery codes of a user by ten new ones and returns them, formatted, to be shown
 * once. Pass a transaction client so that the old codes stop working together with the change.
 */
export async function replaceRecoveryCodes(writer: Writer, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await writer.recoveryCode.deleteMany({ where: { userId } });
  await writer.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!) })),
  });
  return codes;
}

/**
 * Uses up a recovery code of this user. The update only matches an unused code, so of two
 * parallel attempts with the same code exactly one succeeds.
 */
export async function consumeRecoveryCode(prisma: Writer, userId: string, input: string, now = new Date()): Promise<boolean> {
  const normalised = normaliseRecoveryCode(input);
  if (!normalised) return false;
  const result = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(normalised), usedAt: null },
    data: { usedAt: now },
  });
  return result.count === 1;
}

export function unusedRecoveryCodeCount(prisma: Writer, userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}
