"use server";
// Server actions of the team page; each one a mutation of lib/gemeente/team.ts, which checks access itself.
import { serverAction } from "@/lib/actions/server-action";
import { appointCoordinator, deactivateColleague, inviteColleague, renewColleagueInvitation } from "@/lib/gemeente/team";

const refresh = (slug: string) => [
  { path: `/gemeenten/${slug}/team`, type: "page" as const },
  { path: `/gemeenten/${slug}`, type: "page" as const },
];

export async function inviteColleagueAction(slug: string, gemeenteId: string, values: unknown) {
  return serverAction((prisma, actor) => inviteColleague(prisma, actor, { gemeenteId, values }), { refresh: refresh(slug) });
}

export async function renewColleagueInvitationAction(slug: string, gemeenteId: string, userId: string) {
  return serverAction((prisma, actor) => renewColleagueInvitation(prisma, actor, { gemeenteId, userId }), { refresh: refresh(slug) });
}

export async function deactivateColleagueAction(slug: string, gemeenteId: string, userId: string) {
  return serverAction((prisma, actor) => deactivateColleague(prisma, actor, { gemeenteId, userId }), { refresh: refresh(slug) });
}

export async function appointCoordinatorAction(slug: string, gemeenteId: string, userId: string | null) {
  return serverAction((prisma, actor) => appointCoordinator(prisma, actor, { gemeenteId, userId }), { refresh: refresh(slug) });
}
