"use server";
// The account page's action: the signed-in user changes their own password. The session is the
// only authorisation; there is no user id to pass, so nobody can change another's password here.
import { headers } from "next/headers";
import { changeOwnPassword } from "@/lib/auth/password-change";
import { clientAddress } from "@/lib/auth/client-address";
import { getCurrentSession } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { INVALID_MESSAGE, type ActionResult } from "@/lib/shared/forms/action-result";

const SIGNED_OUT: ActionResult<never> = { ok: false, message: "Uw sessie is beëindigd. Log opnieuw in om uw wachtwoord te wijzigen.", fieldErrors: {} };

export async function changePasswordAction(values: unknown): Promise<ActionResult<null>> {
  const session = await getCurrentSession();
  if (!session || !session.mfaSatisfied) return SIGNED_OUT;
  const ip = clientAddress(Object.fromEntries(await headers()));
  const result = await changeOwnPassword(prisma(), { userId: session.user.id, sessionId: session.sessionId }, values, { ip });
  switch (result.status) {
    case "ok":
      return {
        ok: true,
        data: null,
        message:
          result.otherSessionsEnded > 0
            ? `Uw wachtwoord is gewijzigd. U bent uitgelogd op ${result.otherSessionsEnded === 1 ? "uw andere apparaat of browser" : `${result.otherSessionsEnded} andere apparaten of browsers`}.`
            : "Uw wachtwoord is gewijzigd.",
      };
    case "invalid":
      return { ok: false, message: INVALID_MESSAGE, fieldErrors: result.errors };
    case "refused":
      return { ok: false, message: result.message, fieldErrors: {} };
    case "signed-out":
      return SIGNED_OUT;
  }
}
