import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { decryptWithKey, DecryptionError, deriveKey, encryptWithKey } from "./crypto";
import { hashRecoveryCodeWithKey, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_ALPHABET } from "./recovery-codes";
import { formatSecretForDisplay, matchTotpStep, newTotpSecret, normaliseTotpCode, timeStepAt } from "./totp";

describe("encryption of stored secrets", () => {
  const key = deriveKey("een-lang-applicatiegeheim-voor-de-test", "totp-secret");

  it("round-trips and uses a fresh IV each time", () => {
    const first = encryptWithKey(key, "JBSWY3DPEHPK3PXP", "user-1");
    const second = encryptWithKey(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(first).not.toBe(second);
    expect(first.startsWith("v1.")).toBe(true);
    expect(decryptWithKey(key, first, "user-1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another record's context, another key and a changed ciphertext", () => {
    const payload = encryptWithKey(key, "geheim", "user-1");
    expect(() => decryptWithKey(key, payload, "user-2")).toThrow(DecryptionError);
    expect(() => decryptWithKey(deriveKey("een-ander-geheim", "totp-secret"), payload, "user-1")).toThrow(DecryptionError);
    expect(() => decryptWithKey(deriveKey("een-lang-applicatiegeheim-voor-de-test", "recovery-code"), payload, "user-1")).toThrow(DecryptionError);
    const parts = payload.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptWithKey(key, [parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), "user-1")).toThrow(DecryptionError);
    expect(() => decryptWithKey(key, "v2.a.b.c", "user-1")).toThrow(DecryptionError);
  });
});

describe("TOTP codes (RFC 6238)", () => {
  // RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890" at T = 59 s gives 94287082
  // (8 digits); its last six digits are the 6-digit code.
  const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  it("matches the RFC 6238 test vector", async () => {
    expect(await generate({ secret: rfcSecret, epoch: 59 })).toBe("287082");
    expect(await matchTotpStep(rfcSecret, "287 082", { epochSeconds: 59 })).toBe(1);
  });

  it("accepts one step either side of now and nothing further", async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000;
    const step = timeStepAt(now);
    for (const offset of [-1, 0, 1]) {
      const code = await generate({ secret, epoch: (step + offset) * 30 });
      expect(await matchTotpStep(secret, code, { epochSeconds: now })).toBe(step + offset);
    }
    for (const offset of [-3, 3]) {
      const code = await generate({ secret, epoch: (step + offset) * 30 });
      expect(await matchTotpStep(secret, code, { epochSeconds: now })).toBeNull();
    }
  });

  it("refuses a code of a step already used, and malformed input", async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000;
    const step = timeStepAt(now);
    const code = await generate({ secret, epoch: step * 30 });
    expect(await matchTotpStep(secret, code, { epochSeconds: now, afterTimeStep: step })).toBeNull();
    expect(await matchTotpStep(secret, code, { epochSeconds: now, afterTimeStep: step - 1 })).toBe(step);
    for (const input of ["", "12345", "1234567", "12a456", "<script>"]) expect(normaliseTotpCode(input)).toBeNull();
    expect(await matchTotpStep("te-kort", "123456", { epochSeconds: now })).toBeNull();
  });

  it("shows a secret in groups of four", () => {
    expect(formatSecretForDisplay("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of 40 bits from the unambiguous alphabet", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}$/);
      for (const char of code.replace("-", "")) expect(RECOVERY_CODE_ALPHABET).toContain(char);
    }
  });

  it("reads what a person types: case, dashes, spaces and look-alike letters", () => {
    expect(normaliseRecoveryCode("K7M2-9XQP")).toBe("k7m29xqp");
    expect(normaliseRecoveryCode(" k7m2 9xqp ")).toBe("k7m29xqp");
    expect(normaliseRecoveryCode("O1IL-abcd")).toBe("0111abcd");
    expect(normaliseRecoveryCode("k7m2-9xq")).toBeNull();
    expect(normaliseRecoveryCode("k7m2-9xqu")).toBeNull();
  });

  it("stores only a keyed hash", () => {
    const key = deriveKey("geheim-a", "recovery-code");
    const hash = hashRecoveryCodeWithKey(key, "k7m29xqp");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("k7m29xqp");
    expect(hashRecoveryCodeWithKey(deriveKey("geheim-b", "recovery-code"), "k7m29xqp")).not.toBe(hash);
  });
});
