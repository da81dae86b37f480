import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "./record";

export type ExportFormat = "csv" | "json" | "pdf" | "xlsx";

/** What was exported; the audit action is "export.<kind>". */
export type ExportKind = "zelfscan" | "verbeterplan" | "regio-overzicht" | "landelijk";

/**
 * Every export of scan content leaves an entry: who took which data out of the application, in
 * which format, and of which gemeente or regio. The data-layer functions that hand out export data
 * call this, so that no route can produce an export without it.
 */
export async function recordExport(
  prisma: Pick<PrismaClient, "auditEntry">,
  actor: Actor,
  entry: {
    kind: ExportKind;
    format: ExportFormat;
    targetType: string;
    targetId: string;
    gemeenteId?: string | null;
    regioId?: string | null;
    details?: Record<string, Prisma.InputJsonValue>;
  },
): Promise<void> {
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: `export.${entry.kind}`,
    targetType: entry.targetType,
    targetId: entry.targetId,
    gemeenteId: entry.gemeenteId ?? null,
    regioId: entry.regioId ?? null,
    details: { formaat: entry.format, ...entry.details },
  });
}
