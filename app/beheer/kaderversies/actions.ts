"use server";
// Loading a version of the kwaliteitskader (beheerder only; lib/beheer/kaderversies.ts checks and audits).
import { serverAction } from "@/lib/actions/server-action";
import { loadFrameworkVersion } from "@/lib/beheer/kaderversies";

/** Form action (works without JavaScript): field version. */
export async function loadFrameworkVersionAction(_previous: unknown, form: FormData) {
  return serverAction((prisma, actor) => loadFrameworkVersion(prisma, actor, { version: form.get("version") }), {
    refresh: { path: "/beheer/kaderversies", type: "page" },
  });
}
