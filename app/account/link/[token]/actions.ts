"use server";
// The actions of the public link page: no session is needed, the token is the authorisation.
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { handOverLink } from "@/lib/auth/link-cookie";
import { startInvitationLink } from "@/lib/auth/oidc";
import { redeemAccountLink } from "@/lib/beheer/account-links";
import { plainId } from "@/lib/shared/forms/text";
import { prisma } from "@/lib/db/client";

export async function setPasswordAction(token: string, values: unknown) {
  return redeemAccountLink(prisma(), String(token), values);
}

/** Links the invitee's identity at their organisation instead of (or before) setting a password; the invitation is used up by it. */
export async function startInvitationLinkAction(token: string, providerId: string) {
  const ip = clientAddress(Object.fromEntries(await headers()));
  return handOverLink(await startInvitationLink(prisma(), String(token), plainId(providerId), { ip }));
}
