"use server";
// Server actions of the user pages. Each checks who is acting itself; the data layer checks what
// they may do (lib/beheer/access.ts) and answers "niet gevonden" for anything outside their scope.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current";
import { accountLinkPath, createAccountLink } from "@/lib/beheer/account-links";
import { toActionResult } from "@/lib/beheer/errors";
import { addGrant, createUser, deactivateUser, reactivateUser, removeGrant, updateUser } from "@/lib/beheer/gebruikers";
import { decideInvitation, requestInvitation } from "@/lib/beheer/uitnodigingen";
import { NOT_FOUND_MESSAGE, type ActionResult, type MadeLink } from "@/lib/shared/forms/action-result";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { plainId } from "@/lib/shared/forms/text";
import { publicOrigin } from "@/lib/http/public-origin";

const NOT_SIGNED_IN: ActionResult<never> = { ok: false, message: NOT_FOUND_MESSAGE, fieldErrors: {} };

function done(message: string): ActionResult<null> {
  revalidatePath("/beheer", "layout");
  return { ok: true, data: null, message };
}

export async function createUserAction(values: unknown): Promise<ActionResult<{ href: string }>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    const { userId, created } = await createUser(prisma(), actor, values);
    revalidatePath("/beheer", "layout");
    return { ok: true, data: { href: `/beheer/gebruikers/${userId}?${created ? "aangemaakt" : "rol-toegevoegd"}=1` } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** A project leader's invitation: the same answer for every address (see lib/beheer/uitnodigingen.ts). */
export async function requestInvitationAction(values: unknown): Promise<ActionResult<{ href: string }>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await requestInvitation(prisma(), actor, values);
    revalidatePath("/beheer", "layout");
    return { ok: true, data: { href: "/beheer/gebruikers?uitnodiging=1#uitnodigingen" } };
  } catch (error) {
    return toActionResult(error);
  }
}

/** The beheerder approves or declines a project leader's invitation. */
export async function decideInvitationAction(requestId: string, decision: "goedkeuren" | "afwijzen"): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  if (decision !== "goedkeuren" && decision !== "afwijzen") return NOT_SIGNED_IN;
  try {
    await decideInvitation(prisma(), actor, plainId(requestId), decision);
    return done(decision === "goedkeuren" ? "De uitnodiging is goedgekeurd." : "De uitnodiging is afgewezen.");
  } catch (error) {
    return toActionResult(error);
  }
}

export async function updateUserAction(userId: string, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await updateUser(prisma(), actor, plainId(userId), values);
    return done("De naam is opgeslagen.");
  } catch (error) {
    return toActionResult(error);
  }
}

export async function addGrantAction(userId: string, values: unknown): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await addGrant(prisma(), actor, plainId(userId), values);
    return done("De rol is toegekend.");
  } catch (error) {
    return toActionResult(error);
  }
}

export async function removeGrantAction(userId: string, grantId: string): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await removeGrant(prisma(), actor, plainId(userId), plainId(grantId));
    return done("De rol is ingetrokken.");
  } catch (error) {
    return toActionResult(error);
  }
}

export async function deactivateUserAction(userId: string): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await deactivateUser(prisma(), actor, plainId(userId));
    return done("Het account is gedeactiveerd.");
  } catch (error) {
    return toActionResult(error);
  }
}

export async function reactivateUserAction(userId: string): Promise<ActionResult<null>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  try {
    await reactivateUser(prisma(), actor, plainId(userId));
    return done("Het account is weer actief.");
  } catch (error) {
    return toActionResult(error);
  }
}

export async function createAccountLinkAction(userId: string, purpose: "UITNODIGING" | "WACHTWOORD_HERSTEL"): Promise<ActionResult<MadeLink>> {
  const actor = await currentActor();
  if (!actor) return NOT_SIGNED_IN;
  if (purpose !== "UITNODIGING" && purpose !== "WACHTWOORD_HERSTEL") return NOT_SIGNED_IN;
  try {
    const link = await createAccountLink(prisma(), actor, plainId(userId), purpose);
    revalidatePath("/beheer", "layout");
    return {
      ok: true,
      data: { url: `${await publicOrigin()}${accountLinkPath(link.token)}`, expiresAtText: formatDateTime(link.expiresAt) },
    };
  } catch (error) {
    return toActionResult(error);
  }
}
