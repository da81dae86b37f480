"use server";
// Submitting and reopening a scan. Each action checks who is acting; the data layer checks what
// they may do and answers "not found" for anything outside their scope.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { INVALID_MESSAGE, NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";
import { addComment } from "@/lib/zelfscan/comments";
import { reopenZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { plainId } from "@/lib/shared/forms/text";

/** "Indienen" on the overview: a plain form, so it works without JavaScript too. */
export async function submitZelfscanAction(zelfscanId: string): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const result = await submitZelfscan(prisma(), actor, plainId(zelfscanId));
  if (result.status === "not-found") redirect("/");
  if (result.status !== "submitted") redirect(`/zelfscans/${zelfscanId}/overzicht?fout=${result.status === "incomplete" ? "onvolledig" : "vergrendeld"}`);
  revalidatePath(`/zelfscans/${zelfscanId}`, "layout");
  redirect(`/zelfscans/${zelfscanId}?ingediend=1`);
}

export async function reopenZelfscanAction(zelfscanId: string, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  const result = await reopenZelfscan(prisma(), actor, { zelfscanId: plainId(zelfscanId), values });
  if (result.status === "not-found") return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  if (result.status === "invalid") return { ok: false, message: result.errors.reden ? INVALID_MESSAGE : result.message, fieldErrors: result.errors };
  revalidatePath(`/zelfscans/${zelfscanId}`, "layout");
  return { ok: true, data: null, message: "De zelfscan is heropend. De gemeente kan hem weer aanpassen en opnieuw indienen." };
}

export async function addCommentAction(zelfscanId: string, itemId: string, parentId: string | null, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  const result = await addComment(prisma(), actor, { zelfscanId: plainId(zelfscanId), itemId: plainId(itemId), parentId: parentId ? plainId(parentId) : null, values });
  if (result.status === "not-found") return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  if (result.status === "invalid") return { ok: false, message: INVALID_MESSAGE, fieldErrors: { body: result.message } };
  revalidatePath(`/zelfscans/${zelfscanId}`);
  return { ok: true, data: null, message: parentId ? "Uw antwoord is geplaatst." : "Uw opmerking is geplaatst." };
}
