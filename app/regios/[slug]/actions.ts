"use server";
// Server actions of the regional pages (rounds and the regional plan). Each one is a public
// endpoint: serverAction finds the actor, the mutation parses the input and checks the scope
// (what the actor does not lead is not found, and the attempt is audited). The forms refresh the
// page themselves after a success.
import { serverAction } from "@/lib/actions/server-action";
import { closeMeetronde, createMeetronde, createRegionaleActie, deleteRegionaleActie, openMeetronde, updateRegionaleActie } from "@/lib/regio/mutations";
import { notFound } from "@/lib/shared/result";

export async function createMeetrondeAction(regioSlug: string, meetronde: unknown) {
  return serverAction((prisma, actor) => createMeetronde(prisma, actor, { regioSlug, meetronde }));
}

/** Form action (works without JavaScript): fields meetrondeId and wijziging ("open" | "sluit"). */
export async function changeMeetrondeStatusAction(_previous: unknown, form: FormData) {
  const change = form.get("wijziging");
  const run = change === "open" ? openMeetronde : change === "sluit" ? closeMeetronde : null;
  if (!run) return notFound();
  return serverAction((prisma, actor) => run(prisma, actor, { meetrondeId: form.get("meetrondeId") }));
}

export async function createRegionaleActieAction(regioSlug: string, actie: unknown) {
  return serverAction((prisma, actor) => createRegionaleActie(prisma, actor, { regioSlug, actie }));
}

export async function updateRegionaleActieAction(actieId: string, version: number, actie: unknown) {
  return serverAction((prisma, actor) => updateRegionaleActie(prisma, actor, { actieId, version, actie }));
}

/** Form action: field actieId. */
export async function deleteRegionaleActieAction(_previous: unknown, form: FormData) {
  return serverAction((prisma, actor) => deleteRegionaleActie(prisma, actor, { actieId: form.get("actieId") }));
}
