"use server";
// The account page's action: the signed-in user changes their own password. The session is the
// only authorisation; there is no user id to pass, so nobody can change another's password here.
import { headers } from "next/headers";
import { serverAction } from "@/lib/actions/server-action";
import { changeOwnPassword } from "@/lib/auth/password-change";
import { clientAddress } from "@/lib/auth/client-address";

export async function changePasswordAction(values: unknown) {
  return serverAction(async (prisma, actor) =>
    changeOwnPassword(prisma, { userId: actor.userId, sessionId: actor.sessionId }, values, { ip: clientAddress(Object.fromEntries(await headers())) }),
  );
}
