"use server";
// Server actions of the verbeterplan page. Each checks who is acting; the data layer
// (lib/verbeterplan/mutations.ts) checks the scope and answers "not found" outside it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { INVALID_MESSAGE, NOT_FOUND_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";
import { createActie, deleteActie, mergeActies, moveActie, proposeDraftActies, updateActie, type PlanResult } from "@/lib/verbeterplan/mutations";
import { plainId } from "@/lib/shared/forms/text";

// The id comes back from the browser too: only a plain one goes into an address.
const planPath = (zelfscanId: string) => `/zelfscans/${plainId(zelfscanId)}/verbeterplan`;

function toActionResult(result: PlanResult, message: string): ActionResult<null> {
  switch (result.status) {
    case "ok":
      return { ok: true, data: null, message };
    case "invalid":
      return { ok: false, message: INVALID_MESSAGE, fieldErrors: result.errors };
    case "conflict":
      return { ok: false, message: result.message, fieldErrors: {} };
    default:
      return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  }
}

export async function saveActieAction(zelfscanId: string, actieId: string | null, version: number, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };
  const result = actieId
    ? await updateActie(prisma(), actor, { actieId: plainId(actieId), request: { version: Number(version), actie: values } })
    : await createActie(prisma(), actor, { zelfscanId: plainId(zelfscanId), actie: values });
  if (result.status === "ok") revalidatePath(planPath(zelfscanId));
  return toActionResult(result, actieId ? "De actie is opgeslagen." : "De actie is toegevoegd.");
}

/** The plain-form actions below redirect back to the plan with a message in the address. */
async function afterForm(zelfscanId: string, result: PlanResult, done: string, conflict = "conflict"): Promise<never> {
  revalidatePath(planPath(zelfscanId));
  const melding = result.status === "ok" ? done : result.status === "not-found" ? "niet-gevonden" : result.status === "conflict" ? conflict : "ongeldig";
  redirect(`${planPath(zelfscanId)}?melding=${melding}`);
}

export async function deleteActieAction(zelfscanId: string, actieId: string): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  await afterForm(zelfscanId, await deleteActie(prisma(), actor, plainId(actieId)), "verwijderd");
}

export async function moveActieAction(zelfscanId: string, actieId: string, direction: "up" | "down"): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  await afterForm(zelfscanId, await moveActie(prisma(), actor, { actieId: plainId(actieId), direction: direction === "up" ? "up" : "down" }), "verplaatst");
}

/** The form sends the chosen actions ("acties") and, for each action on the page, the version shown ("versie-<id>"). */
export async function mergeActiesAction(zelfscanId: string, formData: FormData): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const chosen = formData.getAll("acties").map((id) => ({ id: plainId(id), version: Number(formData.get(`versie-${plainId(id)}`) ?? Number.NaN) }));
  if (chosen.length < 2) redirect(`${planPath(zelfscanId)}?melding=kies-twee`);
  const result = await mergeActies(prisma(), actor, { request: { acties: chosen } });
  await afterForm(zelfscanId, result, "samengevoegd", "samenvoegen-conflict");
}

export async function proposeActiesAction(zelfscanId: string): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  await afterForm(zelfscanId, await proposeDraftActies(prisma(), actor, plainId(zelfscanId)), "voorgesteld");
}
