// The one shape of a server action (app/**/actions.ts). A server action is a public endpoint: it
// finds the acting user itself (a check in a layout or the proxy does not protect it), hands the
// browser's values unparsed to a mutation (lib/actions/mutation.ts), which parses and authorizes,
// refreshes what changed, and passes the Result on unchanged.
//
//   export async function renameRegioAction(regioId: string, values: unknown) {
//     return serverAction((prisma, actor) => renameRegio(prisma, actor, { regioId, values }), { refresh: "/beheer" });
//   }
//
// A plain form that must work without JavaScript redirects instead: formAction(...) sends the
// person back to a page with ?melding=<code> (the codes below), which the page turns into words.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/access/actor";
import { currentActor, getCurrentSession } from "@/lib/auth/current";
import type { LoadedSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, NOT_SIGNED_IN_MESSAGE, type Result, type ResultStatus } from "@/lib/shared/result";

type Refresh = string | { path: string; type: "layout" | "page" };

function refresh(paths: Refresh | Refresh[] | undefined) {
  for (const entry of paths === undefined ? [] : Array.isArray(paths) ? paths : [paths]) {
    if (typeof entry === "string") revalidatePath(entry, "layout");
    else revalidatePath(entry.path, entry.type);
  }
}

export async function serverAction<T, C = undefined>(
  run: (prisma: PrismaClient, actor: Actor) => Promise<Result<T, C>>,
  options: { refresh?: Refresh | Refresh[] } = {},
): Promise<Result<T, C>> {
  const actor = await currentActor();
  if (!actor) return notFound(NOT_SIGNED_IN_MESSAGE);
  const result = await run(prisma(), actor);
  if (result.status === "ok") refresh(options.refresh);
  return result;
}

/**
 * For the few actions of a session that may still lack the second factor (turning it on, entering
 * it after an organisation's login, starting a link): like serverAction, with the session itself.
 */
export async function sessionAction<T, C = undefined>(
  run: (prisma: PrismaClient, session: LoadedSession) => Promise<Result<T, C>>,
  options: { refresh?: Refresh | Refresh[] } = {},
): Promise<Result<T, C>> {
  const session = await getCurrentSession();
  if (!session) return notFound(NOT_SIGNED_IN_MESSAGE);
  const result = await run(prisma(), session);
  if (result.status === "ok") refresh(options.refresh);
  return result;
}

/** The ?melding= code a page receives after a plain form, per outcome that is not ok. */
export const MELDING: Record<Exclude<ResultStatus, "ok">, string> = {
  invalid: "ongeldig",
  "not-found": "niet-gevonden",
  conflict: "conflict",
  locked: "vergrendeld",
};

/**
 * A plain form's action: runs like serverAction, then redirects. After success to `to(data)` if
 * given, else to `back` with ?melding=<done>; otherwise to `back` with ?melding=<MELDING[status]>
 * (or the form's own code for that status). Not signed in: to the login page.
 */
export async function formAction<T, C = undefined>(
  run: (prisma: PrismaClient, actor: Actor) => Promise<Result<T, C>>,
  options: { back: string; done?: string; to?: (data: T) => string; refresh?: Refresh | Refresh[]; melding?: Partial<typeof MELDING> },
): Promise<never> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const result = await run(prisma(), actor);
  if (result.status === "ok") {
    refresh(options.refresh ?? { path: options.back, type: "page" });
    if (options.to) redirect(options.to(result.data));
  }
  const melding = result.status === "ok" ? (options.done ?? "opgeslagen") : (options.melding?.[result.status] ?? MELDING[result.status]);
  const separator = options.back.includes("?") ? "&" : "?";
  redirect(`${options.back}${separator}melding=${encodeURIComponent(melding)}`);
}
