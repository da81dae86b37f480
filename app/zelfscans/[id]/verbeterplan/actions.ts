"use server";
// Server actions of the verbeterplan page. serverAction/formAction find who is acting; the data
// layer (lib/verbeterplan/mutations.ts) parses, checks the scope and answers "not found" outside it.
import { redirect } from "next/navigation";
import { formAction, serverAction } from "@/lib/actions/server-action";
import { plainId } from "@/lib/shared/forms/text";
import { createActie, deleteActie, mergeActies, moveActie, proposeDraftActies, reportVoortgang, updateActie } from "@/lib/verbeterplan/mutations";

// The id comes back from the browser too: only a plain one goes into an address.
const planPath = (zelfscanId: string) => `/zelfscans/${plainId(zelfscanId)}/verbeterplan`;

export async function saveActieAction(zelfscanId: string, actieId: string | null, version: number, values: unknown) {
  return serverAction(
    (prisma, actor) => (actieId ? updateActie(prisma, actor, { actieId, version, actie: values }) : createActie(prisma, actor, { zelfscanId, actie: values })),
    { refresh: { path: planPath(zelfscanId), type: "page" } },
  );
}

export async function reportVoortgangAction(zelfscanId: string, actieId: string, version: number, values: unknown) {
  return serverAction((prisma, actor) => reportVoortgang(prisma, actor, { actieId, version, values }), {
    refresh: { path: planPath(zelfscanId), type: "page" },
  });
}

/** The plain-form actions below redirect back to the plan with a message in the address (?melding=). */
export async function deleteActieAction(zelfscanId: string, actieId: string): Promise<void> {
  await formAction((prisma, actor) => deleteActie(prisma, actor, { actieId }), { back: planPath(zelfscanId), done: "verwijderd" });
}

export async function moveActieAction(zelfscanId: string, actieId: string, direction: "up" | "down"): Promise<void> {
  await formAction((prisma, actor) => moveActie(prisma, actor, { actieId, direction }), { back: planPath(zelfscanId), done: "verplaatst" });
}

/** The form sends the chosen actions ("acties") and, for each action on the page, the version shown ("versie-<id>"). */
export async function mergeActiesAction(zelfscanId: string, formData: FormData): Promise<void> {
  const chosen = formData.getAll("acties").map((id) => ({ id: plainId(id), version: Number(formData.get(`versie-${plainId(id)}`) ?? Number.NaN) }));
  if (chosen.length < 2) redirect(`${planPath(zelfscanId)}?melding=kies-twee`);
  await formAction((prisma, actor) => mergeActies(prisma, actor, { acties: chosen }), {
    back: planPath(zelfscanId),
    done: "samengevoegd",
    melding: { conflict: "samenvoegen-conflict" },
  });
}

export async function proposeActiesAction(zelfscanId: string): Promise<void> {
  await formAction((prisma, actor) => proposeDraftActies(prisma, actor, { zelfscanId }), { back: planPath(zelfscanId), done: "voorgesteld" });
}
