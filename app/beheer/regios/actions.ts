"use server";
// Server actions of the regio pages. Each checks who is acting itself; the data layer checks
// what they may do and answers "niet gevonden" for anything else.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current";
import { toActionResult } from "@/lib/beheer/errors";
import { createRegio, renameRegio } from "@/lib/beheer/organisatie";
import { NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";
import { prisma } from "@/lib/db/client";
import { plainId } from "@/lib/shared/forms/text";

const NOT_SIGNED_IN: ActionResult<never> = { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };

export async function createRegioAction(values: unknown): Promise<ActionResult<{ href: string }>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    const { id } = await createRegio(prisma(), actor, values);
    revalidatePath("/beheer", "layout");
    return { ok: true, data: { href: `/beheer/regios/${id}` } };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function renameRegioAction(regioId: string, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await renameRegio(prisma(), actor, plainId(regioId), values);
    revalidatePath("/beheer", "layout");
    return { ok: true, data: null, message: "De naam is opgeslagen." };
  } catch (error) {
    return toActionResult(error);
  }
}
