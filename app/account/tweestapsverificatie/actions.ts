"use server";
// Actions of the second-factor page. They run for a session that may still lack the factor (a
// beheerder's first login), so they take the session (sessionAction) instead of the actor.
import { headers } from "next/headers";
import { serverAction, sessionAction } from "@/lib/actions/server-action";
import { clientAddress } from "@/lib/auth/client-address";
import { completeSecondFactor, confirmTotpSetup, renewRecoveryCodes } from "@/lib/auth/second-factor";
import { ok } from "@/lib/shared/result";

async function ip() {
  return clientAddress(Object.fromEntries(await headers()));
}

export async function confirmTotpAction(values: unknown) {
  return sessionAction(async (prisma, session) => confirmTotpSetup(prisma, { userId: session.user.id, sessionId: session.sessionId, values, ip: await ip() }));
}

/** For a session that passed the factor: new recovery codes after a fresh code from the app. */
export async function renewRecoveryCodesAction(values: unknown) {
  return serverAction(async (prisma, actor) => renewRecoveryCodes(prisma, { userId: actor.userId, values, ip: await ip() }));
}

/** The "code invoeren" mode: a session (after an OIDC login) whose user has the factor on, but has not passed it yet. */
export async function enterSecondFactorAction(values: unknown) {
  return sessionAction(async (prisma, session) =>
    session.mfaSatisfied
      ? ok()
      : completeSecondFactor(prisma, { userId: session.user.id, email: session.user.email, sessionId: session.sessionId, values, ip: await ip() }),
  );
}
