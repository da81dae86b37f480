"use server";
// Actions of /account/koppelingen. Each checks the session itself; a user only ever acts on their
// own links.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { currentActor, getCurrentSession } from "@/lib/auth/current";
import { setLinkCookie } from "@/lib/auth/link-cookie";
import { removeOwnIdentityLink, startSessionLink } from "@/lib/auth/oidc";
import { prisma } from "@/lib/db/client";
import { NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";
import { plainId } from "@/lib/shared/forms/text";

const NOT_ALLOWED: ActionResult<never> = {
  ok: false,
  message: "Koppelen kan alleen als u met uw e-mailadres en wachtwoord bent ingelogd, met deze organisatie die uw account mag aanmelden.",
  fieldErrors: {},
};

async function ip() {
  return clientAddress(Object.fromEntries(await headers()));
}

export async function startLinkAction(providerId: string): Promise<ActionResult<{ nextAuthId: string }>> {
  const session = await getCurrentSession();
  if (!session) return { ok: false, message: "Uw sessie is verlopen. Log opnieuw in.", fieldErrors: {} };
  const started = await startSessionLink(
    prisma(),
    { sessionId: session.sessionId, userId: session.user.id, method: session.method, mfaSatisfied: session.mfaSatisfied },
    plainId(providerId),
    { ip: await ip() },
  );
  if (!started.ok) return NOT_ALLOWED;
  await setLinkCookie(started.token);
  return { ok: true, data: { nextAuthId: started.nextAuthId } };
}

export async function removeLinkAction(linkId: string): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  const removed = await removeOwnIdentityLink(prisma(), actor, plainId(linkId), await ip());
  if (!removed) return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  revalidatePath("/account/koppelingen");
  return { ok: true, data: null, message: "De koppeling is verwijderd." };
}
