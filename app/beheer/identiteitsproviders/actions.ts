"use server";
// Server actions of /beheer/identiteitsproviders: who is acting and from which address, then the
// data layer (lib/beheer/identiteitsproviders.ts), which allows only beheerders and audits every change.
import { headers } from "next/headers";
import { serverAction } from "@/lib/actions/server-action";
import { clientAddress } from "@/lib/auth/client-address";
import { createIdentityProvider, setIdentityProviderActive, updateIdentityProvider } from "@/lib/beheer/identiteitsproviders";
import { mapOk } from "@/lib/shared/result";

const REFRESH = { path: "/beheer/identiteitsproviders", type: "page" } as const;

async function ip() {
  return clientAddress(Object.fromEntries(await headers()));
}

export async function createIdentityProviderAction(values: unknown) {
  return serverAction(
    async (prisma, actor) =>
      mapOk(await createIdentityProvider(prisma, actor, { values, ip: await ip() }), ({ id }) => ({ href: `/beheer/identiteitsproviders/${id}` })),
    { refresh: REFRESH },
  );
}

export async function updateIdentityProviderAction(providerId: string, values: unknown) {
  return serverAction(
    async (prisma, actor) =>
      mapOk(await updateIdentityProvider(prisma, actor, { providerId, values, ip: await ip() }), ({ id }) => ({
        href: `/beheer/identiteitsproviders/${id}?opgeslagen=1`,
      })),
    { refresh: REFRESH },
  );
}

export async function setIdentityProviderActiveAction(providerId: string, active: boolean) {
  return serverAction(async (prisma, actor) => setIdentityProviderActive(prisma, actor, { providerId, active, ip: await ip() }), { refresh: REFRESH });
}
