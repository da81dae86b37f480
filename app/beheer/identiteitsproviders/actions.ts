"use server";
// Server actions of /beheer/identiteitsproviders. Each checks who is acting itself; the data layer
// allows only beheerders and audits every change.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { currentActor } from "@/lib/auth/current";
import { toActionResult } from "@/lib/beheer/errors";
import { createIdentityProvider, setIdentityProviderActive, updateIdentityProvider } from "@/lib/beheer/identiteitsproviders";
import { prisma } from "@/lib/db/client";
import { NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";
import { plainId } from "@/lib/shared/forms/text";

const NOT_SIGNED_IN: ActionResult<never> = { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };

async function ip() {
  return clientAddress(Object.fromEntries(await headers()));
}

export async function createIdentityProviderAction(values: unknown): Promise<ActionResult<{ href: string }>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    const { id } = await createIdentityProvider(prisma(), actor, values, await ip());
    revalidatePath("/beheer/identiteitsproviders");
    return { ok: true, data: { href: `/beheer/identiteitsproviders/${id}` } };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function updateIdentityProviderAction(providerId: string, values: unknown): Promise<ActionResult<{ href: string }>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const id = plainId(providerId);
  try {
    await updateIdentityProvider(prisma(), actor, id, values, await ip());
    revalidatePath("/beheer/identiteitsproviders");
    return { ok: true, data: { href: `/beheer/identiteitsproviders/${id}?opgeslagen=1` } };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function setIdentityProviderActiveAction(providerId: string, active: boolean): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await setIdentityProviderActive(prisma(), actor, plainId(providerId), active === true, await ip());
    revalidatePath("/beheer/identiteitsproviders");
    return { ok: true, data: null };
  } catch (error) {
    return toActionResult(error);
  }
}
