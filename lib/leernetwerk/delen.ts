// A gemeente's choice to share its good examples in the learning network (off by default). The
// people who submit on the gemeente's behalf decide it (lib/access/rules/coordinates.ts): its
// coordinator, or any of its officers while it has none. Nobody else: not a leader of the region,
// not a beheerder, not the national team; every refusal is audited and answered as not-found.
import "server-only";
import * as z from "zod/mini";
import { submittingGemeenteWhere } from "@/lib/access/rules/coordinates";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { ZId } from "@/lib/shared/forms/id";
import { ZVoorbeeldenDelenSchema } from "@/lib/shared/leernetwerk/schema";
import { ok } from "@/lib/shared/result";

export const setVoorbeeldenDelen = mutation({
  handeling: "goede voorbeelden delen wijzigen",
  schema: z.strictObject({ gemeenteId: ZId, values: ZVoorbeeldenDelenSchema }),
  form: "values",
  async run(prisma, actor, { gemeenteId, values }) {
    const gemeente = await prisma.gemeente.findFirst({ where: { AND: [{ id: gemeenteId }, submittingGemeenteWhere(actor)] } });
    if (!gemeente) return refused({ type: "Gemeente", id: gemeenteId });
    const message = values.deelt
      ? `${gemeente.name} deelt nu haar goede voorbeelden met de regio.`
      : `${gemeente.name} deelt haar goede voorbeelden niet (meer).`;
    if (gemeente.deeltVoorbeelden === values.deelt) return ok({ deelt: values.deelt }, message);
    await prisma.$transaction(async (tx) => {
      await tx.gemeente.update({ where: { id: gemeente.id }, data: { deeltVoorbeelden: values.deelt } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: values.deelt ? "gemeente.voorbeelden-delen-aan" : "gemeente.voorbeelden-delen-uit",
        targetType: "Gemeente",
        targetId: gemeente.id,
        gemeenteId: gemeente.id,
        regioId: gemeente.regioId,
        details: { gemeente: gemeente.name },
      });
    });
    return ok({ deelt: values.deelt }, message);
  },
});
