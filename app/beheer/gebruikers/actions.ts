"use server";
// Server actions of the user pages: who is acting, then the data layer (lib/beheer), which parses,
// checks what they may do (lib/beheer/access.ts) and answers "niet gevonden" for anything outside their scope.
import { serverAction } from "@/lib/actions/server-action";
import { createAccountLink } from "@/lib/beheer/account-links";
import { addGrant, createUser, deactivateUser, reactivateUser, removeGrant, updateUser } from "@/lib/beheer/gebruikers";
import { decideInvitation, requestInvitation } from "@/lib/beheer/uitnodigingen";
import { mapOk } from "@/lib/shared/result";

const REFRESH = "/beheer";

export async function createUserAction(values: unknown) {
  return serverAction(
    async (prisma, actor) =>
      mapOk(await createUser(prisma, actor, { values }), ({ userId, created }) => ({
        href: `/beheer/gebruikers/${userId}?${created ? "aangemaakt" : "rol-toegevoegd"}=1`,
      })),
    { refresh: REFRESH },
  );
}

/** A project leader's invitation: the same answer for every address (see lib/beheer/uitnodigingen.ts). */
export async function requestInvitationAction(values: unknown) {
  return serverAction(
    async (prisma, actor) => mapOk(await requestInvitation(prisma, actor, { values }), () => ({ href: "/beheer/gebruikers?uitnodiging=1#uitnodigingen" })),
    {
      refresh: REFRESH,
    },
  );
}

/** The beheerder approves or declines a project leader's invitation. */
export async function decideInvitationAction(requestId: string, decision: "goedkeuren" | "afwijzen") {
  return serverAction((prisma, actor) => decideInvitation(prisma, actor, { requestId, decision }), { refresh: REFRESH });
}

export async function updateUserAction(userId: string, values: unknown) {
  return serverAction((prisma, actor) => updateUser(prisma, actor, { userId, values }), { refresh: REFRESH });
}

export async function addGrantAction(userId: string, values: unknown) {
  return serverAction((prisma, actor) => addGrant(prisma, actor, { userId, values }), { refresh: REFRESH });
}

export async function removeGrantAction(userId: string, grantId: string) {
  return serverAction((prisma, actor) => removeGrant(prisma, actor, { userId, grantId }), { refresh: REFRESH });
}

export async function deactivateUserAction(userId: string) {
  return serverAction((prisma, actor) => deactivateUser(prisma, actor, { userId }), { refresh: REFRESH });
}

export async function reactivateUserAction(userId: string) {
  return serverAction((prisma, actor) => reactivateUser(prisma, actor, { userId }), { refresh: REFRESH });
}

/** Sends the link by e-mail to the account's address; the beheerder's page only hears where it went. */
export async function createAccountLinkAction(userId: string, purpose: "UITNODIGING" | "WACHTWOORD_HERSTEL") {
  return serverAction((prisma, actor) => createAccountLink(prisma, actor, { userId, purpose }), { refresh: REFRESH });
}
