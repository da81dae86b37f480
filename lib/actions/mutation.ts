// The one shape of a change in the data layer. A mutation:
//   1. parses its whole input with its zod schema (ids and form values alike);
//   2. runs with the acting user, finding what it changes through a scoped query (lib/access/rules/):
//      what the actor may not touch is simply not found;
//   3. answers with a Result (lib/shared/result.ts).
// When the scoped query finds nothing, `run` returns refused(target): the wrapper writes the
// refusal to the audit log (with the target's gemeente and regio, when it exists) and answers
// not-found, the same as for something that does not exist.
//
//   export const renameRegio = mutation({
//     handeling: "regio hernoemen",
//     schema: z.strictObject({ regioId: ZId, values: ZRegioRenameSchema }),   // z from "zod/mini"
//     form: "values",
//     async run(prisma, actor, { regioId, values }) {
//       const regio = await prisma.regio.findFirst({ where: { AND: [{ id: regioId }, beheerdeRegioWhere(actor)] } });
//       if (!regio) return refused({ type: "Regio", id: regioId });
//       ...
//       return ok();
//     },
//   });
//
// Tests and server actions call it the same way: renameRegio(prisma, actor, { regioId, values }).
// The save path, which also needs the raw SQL driver, takes the whole Database instead of the
// Prisma client: `async run(db: Database, actor, input)`.
import "server-only";
import { safeParse, type core } from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal, type RefusalTarget } from "@/lib/access/refusal";
import type { Database } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { invalidFromZod, notFound, type Result } from "@/lib/shared/result";
// Dutch messages for every rule a schema does not word itself (zod's configuration is global).
import "@/lib/shared/forms/zod";

const REFUSED = Symbol("refused");

/** What `run` returns when the scoped lookup found nothing: audited by the wrapper, answered as not-found. */
export type Refused = { [REFUSED]: true; targets: RefusalTarget[]; handeling?: string; ip?: string | null };

/**
 * The target(s) the actor may not touch; a change of several (a merge) names each one it may not.
 * `handeling` replaces the mutation's own where what was attempted depends on the input or the
 * target ("uitnodiging goedkeuren" or "uitnodiging afwijzen"); `ip` is logged with the refusal.
 */
export function refused(target: RefusalTarget | RefusalTarget[], options: { handeling?: string; ip?: string | null } = {}): Refused {
  return { [REFUSED]: true, targets: Array.isArray(target) ? target : [target], ...options };
}

function isRefused(value: unknown): value is Refused {
  return typeof value === "object" && value !== null && REFUSED in value;
}

export type Mutation<T, C = undefined, D extends PrismaClient | Database = PrismaClient> = (db: D, actor: Actor, input: unknown) => Promise<Result<T, C>>;

const prismaOf = (db: PrismaClient | Database): PrismaClient => ("sql" in db && "prisma" in db ? db.prisma : (db as PrismaClient));

export function mutation<S extends core.$ZodType, T, C = undefined, D extends PrismaClient | Database = PrismaClient>(spec: {
  /**
   * What the actor attempted, in Dutch, as it appears in the audit log of a refusal ("meetronde
   * aanmaken"). The zelfscan's own mutations have none (their refusals name the scan alone, as
   * they always have).
   */
  handeling?: string;
  /** The whole input: ids and form values (zod/mini, like every schema: lib/shared/forms/zod.ts). */
  schema: S;
  /**
   * The key of the form's values inside the input, if the input carries more than the form: its
   * errors are reported per form field, and an error elsewhere (a malformed id, which cannot
   * exist) is answered as not-found. `false`: the input has no form at all, only ids and choices
   * the page made (a button's action), so anything malformed is answered as not-found.
   */
  form?: string | false;
  run: (db: D, actor: Actor, input: core.output<S>) => Promise<Result<T, C> | Refused>;
}): Mutation<T, C, D> {
  return async (db, actor, input) => {
    const parsed = safeParse(spec.schema, input);
    if (!parsed.success) {
      if (spec.form === false) return notFound();
      if (spec.form && parsed.error.issues.some((issue) => issue.path[0] !== spec.form)) return notFound();
      return invalidFromZod(parsed.error, { under: spec.form });
    }
    const result = await spec.run(db, actor, parsed.data);
    if (!isRefused(result)) return result;
    for (const target of result.targets) await auditRefusal(prismaOf(db), actor, target, result.handeling ?? spec.handeling, { ip: result.ip });
    return notFound();
  };
}
