"use server";
// Actions of the second-factor page. They run for a session that may still lack the factor (a
// beheerder's first login), so they check the session themselves instead of currentActor().
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { getCurrentSession } from "@/lib/auth/current";
import { waitText } from "@/lib/shared/auth/login-messages";
import { completeSecondFactor, confirmTotpSetup, renewRecoveryCodes } from "@/lib/auth/second-factor";
import { ZSecondFactorCodeSchema, ZTotpCodeSchema } from "@/lib/shared/auth/second-factor-schema";
import { prisma } from "@/lib/db/client";
import type { ActionResult } from "@/lib/shared/forms/action-result";

const NOT_SIGNED_IN: ActionResult<never> = { ok: false, message: "Uw sessie is verlopen. Log opnieuw in.", fieldErrors: {} };
const WRONG_CODE: ActionResult<never> = {
  ok: false,
  message: "Controleer de gemarkeerde velden.",
  fieldErrors: { code: "De code is onjuist of al gebruikt. Wacht op een nieuwe code in de app en probeer het opnieuw." },
};

async function ip() {
  return clientAddress(Object.fromEntries(await headers()));
}

function invalid(values: unknown): ActionResult<never> | { code: string } {
  const parsed = ZTotpCodeSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  return { ok: false, message: "Controleer de gemarkeerde velden.", fieldErrors: { code: parsed.error.issues[0]?.message } };
}

export async function confirmTotpAction(values: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const session = await getCurrentSession();
  if (!session) return NOT_SIGNED_IN;
  const input = invalid(values);
  if ("ok" in input) return input;
  const result = await confirmTotpSetup(prisma(), { userId: session.user.id, sessionId: session.sessionId, code: input.code, ip: await ip() });
  if (result.ok) return { ok: true, data: { recoveryCodes: result.recoveryCodes } };
  if (result.reason === "already-enabled") return { ok: false, message: "Tweestapsverificatie staat al aan voor uw account.", fieldErrors: {} };
  return WRONG_CODE;
}

export async function renewRecoveryCodesAction(values: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const session = await getCurrentSession();
  if (!session || !session.mfaSatisfied) return NOT_SIGNED_IN;
  const input = invalid(values);
  if ("ok" in input) return input;
  const result = await renewRecoveryCodes(prisma(), { userId: session.user.id, code: input.code, ip: await ip() });
  return result.ok ? { ok: true, data: { recoveryCodes: result.recoveryCodes } } : WRONG_CODE;
}

/** The "code invoeren" mode: a session (after an OIDC login) whose user has the factor on, but has not passed it yet. */
export async function enterSecondFactorAction(values: unknown): Promise<ActionResult<null>> {
  const session = await getCurrentSession();
  if (!session) return NOT_SIGNED_IN;
  if (session.mfaSatisfied) return { ok: true, data: null };
  const parsed = ZSecondFactorCodeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Controleer de gemarkeerde velden.", fieldErrors: { code: parsed.error.issues[0]?.message } };
  const result = await completeSecondFactor(prisma(), {
    userId: session.user.id,
    email: session.user.email,
    sessionId: session.sessionId,
    code: parsed.data.code,
    ip: await ip(),
  });
  if (result.ok) return { ok: true, data: null };
  if (result.reason === "rate-limited") {
    return { ok: false, message: `Er is een aantal keer een onjuiste code ingevuld. Probeer het over ${waitText((result.retryAfterMs ?? 60_000) / 1000)} opnieuw.`, fieldErrors: {} };
  }
  return {
    ok: false,
    message: "Controleer de gemarkeerde velden.",
    fieldErrors: { code: "De code is onjuist of al gebruikt. Wacht op een nieuwe code in de app, of gebruik een herstelcode." },
  };
}
