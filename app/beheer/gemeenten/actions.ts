"use server";
// Server actions of the gemeente pages; see app/beheer/regios/actions.ts.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current";
import { toActionResult } from "@/lib/beheer/errors";
import { createGemeente, renameGemeente } from "@/lib/beheer/organisatie";
import { NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";
import { prisma } from "@/lib/db/client";
import { plainId } from "@/lib/shared/forms/text";

const NOT_SIGNED_IN: ActionResult<never> = { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };

export async function createGemeenteAction(values: unknown): Promise<ActionResult<{ href: string }>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    const { id } = await createGemeente(prisma(), actor, values);
    revalidatePath("/beheer", "layout");
    return { ok: true, data: { href: `/beheer/gemeenten/${id}` } };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function renameGemeenteAction(gemeenteId: string, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await renameGemeente(prisma(), actor, plainId(gemeenteId), values);
    revalidatePath("/beheer", "layout");
    return { ok: true, data: null, message: "De naam is opgeslagen." };
  } catch (error) {
    return toActionResult(error);
  }
}
