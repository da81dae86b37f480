import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { AuditFilterForm, Pager } from "@/components/beheer/FilterForms";
import { AuditTable, type AuditTableRow } from "@/components/beheer/tables";
import { requireActor } from "@/lib/auth/current";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEntries } from "@/lib/beheer/audit-log";
import { auditActionLabel } from "@/lib/shared/audit/actions";
import { AUDIT_TARGET_LABEL } from "@/lib/shared/beheer/labels";
import { ZAuditFilterSchema, type TAuditFilter } from "@/lib/shared/beheer/schemas";
import { linkClass } from "@/components/ui/styles";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Auditlog – Beheer" };

function hrefFor(filter: TAuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.actie) params.set("actie", filter.actie);
  if (filter.email) params.set("email", filter.email);
  if (filter.van) params.set("van", filter.van);
  if (filter.tot) params.set("tot", filter.tot);
  if (page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return query ? `/beheer/audit?${query}` : "/beheer/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/beheer/audit");
  const filter = ZAuditFilterSchema.parse(await searchParams);
  const result = await listAuditEntries(prisma(), actor, filter);
  if (!result) notFound();
  const actions = await listAuditActions(prisma(), actor);

  const rows: AuditTableRow[] = result.entries.map((entry) => {
    const type = AUDIT_TARGET_LABEL[entry.targetType] ?? entry.targetType;
    const scope = [entry.gemeente && `Gemeente ${entry.gemeente}`, entry.regio && `Regio ${entry.regio}`].filter(Boolean).join(", ");
    return {
      id: entry.id,
      at: entry.at,
      actionLabel: auditActionLabel(entry.action),
      actor: entry.actor,
      target: entry.targetLabel ? `${type}: ${entry.targetLabel}` : type,
      scope: scope || null,
      details: entry.details,
      ip: entry.ip,
    };
  });
  const first = (result.page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = first + result.entries.length - 1;

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Auditlog" }]} />
      <h1 className="text-2xl font-bold">Auditlog</h1>
      <p className="max-w-prose">
        Inloggen, mislukte inlogpogingen, geweigerde toegang, rollen, uitnodigingen, deactiveringen en andere wijzigingen, de nieuwste bovenaan. Bij zelfscans
        ziet u dát er iets is gebeurd, niet de inhoud.
      </p>
      <AuditFilterForm filter={filter} actions={actions.map((action) => ({ value: action, label: auditActionLabel(action) }))} />
      {result.total === 0 ? (
        <p role="status">Geen gebeurtenissen gevonden met deze filters.</p>
      ) : (
        <>
          <p role="status">
            {result.total} gebeurtenissen; u ziet {first} tot en met {last}.
          </p>
          <AuditTable rows={rows} caption={`Auditlog, pagina ${result.page} van ${result.pageCount}`} />
          <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => hrefFor(filter, page)} />
          <p>
            <a href={hrefFor({ ...filter, pagina: 1 }, 1).replace("/beheer/audit", "/beheer/audit.csv")} className={linkClass} download>
              Deze gebeurtenissen downloaden als CSV (voor de jaarlijkse toegangscontrole)
            </a>
          </p>
        </>
      )}
    </div>
  );
}
