"use server";
// The public "Wachtwoord vergeten?" action: nobody is signed in. The lookup and the mail run after
// the answer has been sent (next/server's after()), so that neither the answer nor its timing
// depends on whether the address has an account (lib/auth/password-reset.ts).
import { after } from "next/server";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { errorFields, log } from "@/lib/log";

export async function requestPasswordResetAction(values: unknown) {
  const ip = clientAddress(Object.fromEntries(await headers()));
  return requestPasswordReset(prisma(), values, {
    ip,
    defer: (work) => after(() => work().catch((error: unknown) => log.error("wachtwoord-vergeten.mislukt", errorFields(error)))),
  });
}
