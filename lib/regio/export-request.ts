// The request side of the regional overview's export routes, apart from the export itself so that the
// data layer (export.ts) stays free of the request.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { getRegioOverviewExport, type RegioOverviewExport } from "./export";

/**
 * The request side of the three export routes (overzicht.csv, .pdf, .xlsx): who is asking, and the
 * export they may have, or the answer to give instead (401 without a session, 404 outside the scope).
 */
export async function regioOverviewExportFor(
  request: Request,
  params: Promise<{ slug: string; id: string }>,
  format: "csv" | "pdf" | "xlsx",
): Promise<{ actor: Actor; slug: string; data: RegioOverviewExport } | Response> {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const { slug, id } = await params;
  const data = await getRegioOverviewExport(prisma(), actor, { slug, meetrondeId: id, minimaal: new URL(request.url).searchParams.get("minimaal"), format });
  return data ? { actor, slug, data } : notFoundResponse();
}
