// The request side of the national export routes: who asks, which year, and the export they may
// have, or the answer to give instead (401 without a session, 404 for everyone but the national team).
import "server-only";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { getLandelijkeExport } from "./export";
import type { LandelijkeExportData } from "./export-format";

export async function landelijkeExportFor(request: Request, format: "csv" | "json" | "xlsx"): Promise<LandelijkeExportData | Response> {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const asked = new URL(request.url).searchParams.get("jaar");
  const jaar = asked && /^\d{4}$/.test(asked) ? Number(asked) : undefined;
  if (asked && jaar === undefined) return notFoundResponse();
  const data = await getLandelijkeExport(prisma(), actor, { jaar, format });
  return data ?? notFoundResponse();
}
