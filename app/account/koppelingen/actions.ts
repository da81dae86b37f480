"use server";
// Actions of /account/koppelingen. Each checks the session itself; a user only ever acts on their
// own links.
import { headers } from "next/headers";
import { serverAction, sessionAction } from "@/lib/actions/server-action";
import { clientAddress } from "@/lib/auth/client-address";
import { handOverLink } from "@/lib/auth/link-cookie";
import { removeOwnIdentityLink, startSessionLink } from "@/lib/auth/oidc";
import { plainId } from "@/lib/shared/forms/text";

async function ip() {
  return clientAddress(Object.fromEntries(await headers()));
}

/** Linking starts from a full password session only, which startSessionLink checks (and audits). */
export async function startLinkAction(providerId: string) {
  return sessionAction(async (prisma, session) =>
    handOverLink(
      await startSessionLink(
        prisma,
        { sessionId: session.sessionId, userId: session.user.id, method: session.method, mfaSatisfied: session.mfaSatisfied },
        plainId(providerId),
        { ip: await ip() },
      ),
    ),
  );
}

export async function removeLinkAction(linkId: string) {
  return serverAction(async (prisma, actor) => removeOwnIdentityLink(prisma, actor, { linkId, ip: await ip() }), {
    refresh: { path: "/account/koppelingen", type: "page" },
  });
}
