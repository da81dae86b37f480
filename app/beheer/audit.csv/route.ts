// The audit log as CSV for the yearly access review, with the filters of the audit page.
import { currentActor } from "@/lib/auth/current";
import { auditCsvRows, exportAuditEntries } from "@/lib/beheer/audit-log";
import { ZAuditFilterSchema } from "@/lib/shared/beheer/schemas";
import { prisma } from "@/lib/db/client";
import { toCsv } from "@/lib/export/csv";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("GET /beheer/audit.csv", async (request: Request) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const filter = ZAuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await exportAuditEntries(prisma(), actor, filter);
  if (!result) return notFoundResponse();
  const day = new Date().toISOString().slice(0, 10);
  return attachment(toCsv(auditCsvRows(result.entries)), `auditlog-${day}.csv`, "text/csv; charset=utf-8");
});
