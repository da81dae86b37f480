"use server";
// The one action of the public link page: no session is needed, the token is the authorisation.
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { setLinkCookie } from "@/lib/auth/link-cookie";
import { startInvitationLink } from "@/lib/auth/oidc";
import { redeemAccountLink } from "@/lib/beheer/account-links";
import { plainId } from "@/lib/shared/forms/text";
import type { ActionResult } from "@/lib/shared/forms/action-result";
import { prisma } from "@/lib/db/client";

const REASON_MESSAGE = {
  gebruikt: "Deze link is al gebruikt. Vraag uw projectleider of de beheerder om een nieuwe link.",
  verlopen: "Deze link is verlopen of vervangen door een nieuwere link. Vraag uw projectleider of de beheerder om een nieuwe link.",
  onbekend: "Deze link werkt niet. Controleer of u de hele link heeft gekopieerd, of vraag om een nieuwe link.",
} as const;

export async function setPasswordAction(token: string, values: unknown): Promise<ActionResult<null>> {
  const result = await redeemAccountLink(prisma(), String(token), values);
  if (result.ok) return { ok: true, data: null };
  if (result.reason === "wachtwoord") return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  return { ok: false, message: REASON_MESSAGE[result.reason], fieldErrors: {} };
}

/** Links the invitee's identity at their organisation instead of (or before) setting a password; the invitation is used up by it. */
export async function startInvitationLinkAction(token: string, providerId: string): Promise<ActionResult<{ nextAuthId: string }>> {
  const ip = clientAddress(Object.fromEntries(await headers()));
  const started = await startInvitationLink(prisma(), String(token), plainId(providerId), { ip });
  if (!started.ok) return { ok: false, message: REASON_MESSAGE.verlopen, fieldErrors: {} };
  await setLinkCookie(started.token);
  return { ok: true, data: { nextAuthId: started.nextAuthId } };
}
