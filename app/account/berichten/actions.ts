"use server";
// The signed-in user's own message preferences: there is no user id in the input, so nobody can
// change another's choices here (lib/mail/preferences.ts).
import { serverAction } from "@/lib/actions/server-action";
import { updateOwnPreferences } from "@/lib/mail/preferences";

export async function updatePreferencesAction(values: unknown) {
  return serverAction((prisma, actor) => updateOwnPreferences(prisma, actor, { values }), { refresh: { path: "/account/berichten", type: "page" } });
}
