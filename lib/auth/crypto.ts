// Encryption of small secrets at rest (the TOTP secret of a user): AES-256-GCM with a key derived
// from the application secret by HKDF-SHA-256. The stored form names its format version, so that
// a later format (another key or algorithm) can be introduced next to this one:
//
//   v1.<iv>.<tag>.<ciphertext>      (each part base64url; iv 12 bytes, tag 16 bytes)
//
// The functions that take a key are pure and unit-tested; the wrappers at the bottom use the
// application secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { applicationSecret } from "./secret";

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A fixed salt is fine for HKDF when the input key material is already random (RFC 5869, 3.1);
// it separates this application's keys from any other use of the same secret.
const HKDF_SALT = "zelfscan-werken-aan-veiligheid";

export class DecryptionError extends Error {
  constructor(message = "Versleutelde waarde is ongeldig of gewijzigd") {
    super(message);
    this.name = "DecryptionError";
  }
}

/** A 256-bit key for one purpose ("totp-secret", "recovery-code"), derived from a secret. */
export function deriveKey(secret: string, purpose: string): Buffer {
  if (!secret) throw new Error("Geen geheim om een sleutel van af te leiden");
  return Buffer.from(hkdfSync("sha256", secret, HKDF_SALT, `zelfscan:${purpose}:v1`, 32));
}

/**
 * Encrypts `plaintext`. `context` (for example the user id) is authenticated but not stored:
 * decrypting with another context fails, so a ciphertext cannot be moved to another record.
 */
export function encryptWithKey(key: Buffer, plaintext: string, context = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${FORMAT}|${context}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Decrypts a value of encryptWithKey; throws DecryptionError when it was changed or the key differs. */
export function decryptWithKey(key: Buffer, payload: string, context = ""): string {
  const parts = payload.split(".");
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new DecryptionError("Onbekend formaat van versleutelde waarde");
  const [, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  const ciphertext = Buffer.from(ciphertextText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${FORMAT}|${context}`, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError();
  }
}

const keys = new Map<string, Buffer>();

/** The key for `purpose`, derived from the application secret (cached per process). */
export function applicationKey(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = deriveKey(applicationSecret(), purpose);
    keys.set(purpose, key);
  }
  return key;
}

/** Encrypts a secret for storage, with the application secret's key for `purpose`. */
export function encryptSecret(plaintext: string, purpose: string, context = ""): string {
  return encryptWithKey(applicationKey(purpose), plaintext, context);
}

/** Decrypts a stored secret; throws DecryptionError when it cannot be read. */
export function decryptSecret(payload: string, purpose: string, context = ""): string {
  return decryptWithKey(applicationKey(purpose), payload, context);
}
