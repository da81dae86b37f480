"use server";
// Assignments of a scan (lib/zelfscan/assignments.ts): the data layer parses, checks that the actor
// coordinates the gemeente and answers "not found" outside that scope.
import { serverAction } from "@/lib/actions/server-action";
import { plainId } from "@/lib/shared/forms/text";
import { assignOnderdelen, reassignOnderdelen, setOnlyAssigneesEdit, unassign, updateAssignment } from "@/lib/zelfscan/assignments";

// The id comes back from the browser too: only a plain one goes into an address.
const scanPath = (zelfscanId: string) => `/zelfscans/${plainId(zelfscanId)}`;
const refresh = (zelfscanId: string) => ({ refresh: { path: scanPath(zelfscanId), type: "layout" as const } });

export async function assignAction(zelfscanId: string, values: unknown) {
  return serverAction((prisma, actor) => assignOnderdelen(prisma, actor, { zelfscanId, values }), refresh(zelfscanId));
}

export async function updateAssignmentAction(zelfscanId: string, userId: string, onderdeelIds: string[], values: unknown) {
  return serverAction((prisma, actor) => updateAssignment(prisma, actor, { zelfscanId, userId, onderdeelIds, values }), refresh(zelfscanId));
}

export async function reassignAction(zelfscanId: string, userId: string, onderdeelIds: string[], toUserId: string) {
  return serverAction((prisma, actor) => reassignOnderdelen(prisma, actor, { zelfscanId, userId, onderdeelIds, toUserId }), refresh(zelfscanId));
}

export async function unassignAction(zelfscanId: string, userId: string, onderdeelIds: string[]) {
  return serverAction((prisma, actor) => unassign(prisma, actor, { zelfscanId, userId, onderdeelIds }), refresh(zelfscanId));
}

export async function setOnlyAssigneesEditAction(zelfscanId: string, onlyAssigneesEdit: boolean) {
  return serverAction((prisma, actor) => setOnlyAssigneesEdit(prisma, actor, { zelfscanId, onlyAssigneesEdit }), refresh(zelfscanId));
}
