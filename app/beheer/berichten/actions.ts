"use server";
// Trying failed messages again (beheerder only; lib/beheer/berichten.ts checks and audits).
import { serverAction } from "@/lib/actions/server-action";
import { retryFailedMessages, retryMessage } from "@/lib/beheer/berichten";

/** Form action (works without JavaScript): field messageId. */
export async function retryMessageAction(_previous: unknown, form: FormData) {
  return serverAction((prisma, actor) => retryMessage(prisma, actor, { messageId: form.get("messageId") }), { refresh: "/beheer/berichten" });
}

/** Form action: every failed message. */
export async function retryFailedMessagesAction() {
  return serverAction((prisma, actor) => retryFailedMessages(prisma, actor, {}), { refresh: "/beheer/berichten" });
}
