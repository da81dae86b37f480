"use server";
// Server actions of the regional pages. Each one is a public endpoint: it finds the actor itself
// and leaves every access check to the scoped mutations in mutations.ts (out of scope = not found).
import { z } from "zod";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { isPlainText } from "@/lib/shared/forms/text";
import { changeMeetrondeStatus, createMeetronde, createRegionaleActie, deleteRegionaleActie, loadFrameworkVersion, updateRegionaleActie, type RegioResult } from "./mutations";

export type ActionResult = { status: "ok"; id?: string } | { status: "invalid"; errors: Record<string, string>; message: string } | { status: "error"; message: string };

const NOT_SIGNED_IN: ActionResult = { status: "error", message: "U bent niet (meer) ingelogd. Log opnieuw in." };
const NOT_FOUND: ActionResult = { status: "error", message: "Niet gevonden, of u hebt hier geen toegang toe." };
const ZId = z.string().min(1).max(100).refine(isPlainText);

function toActionResult(result: RegioResult<{ id?: string }>): ActionResult {
  switch (result.status) {
    case "ok":
      return { status: "ok", id: result.id };
    case "invalid":
      return { status: "invalid", errors: result.errors, message: result.message };
    case "conflict":
      return { status: "error", message: result.message };
    default:
      return NOT_FOUND;
  }
}

export async function createMeetrondeAction(regioSlug: unknown, ronde: unknown): Promise<ActionResult> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const slug = ZId.safeParse(regioSlug);
  if (!slug.success) return NOT_FOUND;
  return toActionResult(await createMeetronde(prisma(), actor, { regioSlug: slug.data, ronde }));
}

/** Form action (works without JavaScript): fields meetrondeId and wijziging ("open" | "sluit"). */
export async function changeMeetrondeStatusAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const input = z.strictObject({ meetrondeId: ZId, wijziging: z.enum(["open", "sluit"]) }).safeParse({ meetrondeId: form.get("meetrondeId"), wijziging: form.get("wijziging") });
  if (!input.success) return NOT_FOUND;
  return toActionResult(await changeMeetrondeStatus(prisma(), actor, { meetrondeId: input.data.meetrondeId, change: input.data.wijziging }));
}

export async function createRegionaleActieAction(regioSlug: unknown, actie: unknown): Promise<ActionResult> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const slug = ZId.safeParse(regioSlug);
  if (!slug.success) return NOT_FOUND;
  return toActionResult(await createRegionaleActie(prisma(), actor, { regioSlug: slug.data, actie }));
}

export async function updateRegionaleActieAction(actieId: unknown, request: unknown): Promise<ActionResult> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const id = ZId.safeParse(actieId);
  if (!id.success) return NOT_FOUND;
  return toActionResult(await updateRegionaleActie(prisma(), actor, { actieId: id.data, request }));
}

/** Form action: field actieId. */
export async function deleteRegionaleActieAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const id = ZId.safeParse(form.get("actieId"));
  if (!id.success) return NOT_FOUND;
  return toActionResult(await deleteRegionaleActie(prisma(), actor, id.data));
}

/** Form action: field version. */
export async function loadFrameworkVersionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  const version = ZId.safeParse(form.get("version"));
  if (!version.success) return NOT_FOUND;
  return toActionResult(await loadFrameworkVersion(prisma(), actor, version.data));
}
