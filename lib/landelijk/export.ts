// The national aggregate for the CSV, xlsx and open-data exports: only for the national team
// (getLandelijkeVerdeling refuses, audited, anyone else), and every export audited.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { recordExport } from "@/lib/audit/export";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LandelijkeExportData } from "./export-format";
import { getLandelijkeVerdeling } from "./queries";

export async function getLandelijkeExport(
  prisma: PrismaClient,
  actor: Actor,
  input: { jaar?: number; format: "csv" | "json" | "xlsx" },
): Promise<LandelijkeExportData | null> {
  const data = await getLandelijkeVerdeling(prisma, actor, { jaar: input.jaar });
  if (!data) return null;
  await recordExport(prisma, actor, {
    kind: "landelijk",
    format: input.format,
    targetType: "Landelijk",
    targetId: data.jaar === null ? "landelijk" : String(data.jaar),
    details: { jaar: data.jaar ?? "geen", gemeenten: data.landelijk.n ?? "onderdrukt" },
  });
  return { jaar: data.jaar, framework: data.framework, landelijk: data.landelijk, perRegio: data.perRegio };
}
