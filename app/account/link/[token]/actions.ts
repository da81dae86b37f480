"use server";
// The one action of the public link page: no session is needed, the token is the authorisation.
import { redeemAccountLink } from "@/lib/beheer/account-links";
import type { ActionResult } from "@/lib/forms/action-result";
import { prisma } from "@/lib/db/client";

const REASON_MESSAGE = {
  gebruikt: "Deze link is al gebruikt. Vraag uw projectleider of de beheerder om een nieuwe link.",
  verlopen: "Deze link is verlopen of vervangen door een nieuwere link. Vraag uw projectleider of de beheerder om een nieuwe link.",
  onbekend: "Deze link werkt niet. Controleer of u de hele link heeft gekopieerd, of vraag om een nieuwe link.",
} as const;

export async function setPasswordAction(token: string, values: unknown): Promise<ActionResult<null>> {
  const result = await redeemAccountLink(prisma(), String(token), values);
  if (result.ok) return { ok: true, data: null };
  if (result.reason === "wachtwoord") return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  return { ok: false, message: REASON_MESSAGE[result.reason], fieldErrors: {} };
}
