"use server";
// Confirming an unsubscribe link: no session, the signed token is the authorisation
// (lib/mail/preferences.ts). Opening the page changes nothing; this POST does.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { confirmUnsubscribe } from "@/lib/mail/preferences";

/** Form action (works without JavaScript): field t, the token of the link. */
export async function confirmUnsubscribeAction(form: FormData) {
  const token = String(form.get("t") ?? "").slice(0, 1000);
  const result = await confirmUnsubscribe(prisma(), token, { via: "pagina", ip: clientAddress(Object.fromEntries(await headers())) });
  redirect(`/afmelden?t=${encodeURIComponent(token)}&${result.status === "ok" ? "klaar=1" : "melding=ongeldig"}`);
}
