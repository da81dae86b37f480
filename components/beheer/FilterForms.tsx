// Filters as plain GET forms: they work without JavaScript and the result has its own address.
import Link from "next/link";
import { ROLE_LABEL, ROLE_NAMES, type TAuditFilter, type TUserFilter } from "@/lib/shared/beheer/schemas";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/ui/styles";

const labelClass = "block font-semibold";

export function UserFilterForm({
  filter,
  gemeenten,
  showRoleAndGemeente,
}: {
  filter: TUserFilter;
  gemeenten: { id: string; name: string }[];
  showRoleAndGemeente: boolean;
}) {
  return (
    <form method="get" role="search" aria-label="Gebruikers filteren" className="grid gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
      <div>
        <label htmlFor="zoek" className={labelClass}>
          Naam of e-mailadres bevat
        </label>
        <input id="zoek" name="zoek" type="search" defaultValue={filter.zoek ?? ""} className={inputClass} />
      </div>
      {showRoleAndGemeente && (
        <div>
          <label htmlFor="rol" className={labelClass}>
            Rol
          </label>
          <select id="rol" name="rol" defaultValue={filter.rol ?? ""} className={inputClass}>
            <option value="">Alle rollen</option>
            {ROLE_NAMES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="gemeente" className={labelClass}>
          Gemeente
        </label>
        <select id="gemeente" name="gemeente" defaultValue={filter.gemeente ?? ""} className={inputClass}>
          <option value="">Alle gemeenten</option>
          {gemeenten.map((gemeente) => (
            <option key={gemeente.id} value={gemeente.id}>
              {gemeente.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status" className={labelClass}>
          Status
        </label>
        <select id="status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
          <option value="">Actief en gedeactiveerd</option>
          <option value="actief">Actief</option>
          <option value="gedeactiveerd">Gedeactiveerd</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <button type="submit" className={secondaryButtonClass}>
          Filteren
        </button>
        <Link href="/beheer/gebruikers" className={linkClass}>
          Filters wissen
        </Link>
      </div>
    </form>
  );
}

export function AuditFilterForm({ filter, actions }: { filter: TAuditFilter; actions: { value: string; label: string }[] }) {
  return (
    <form method="get" role="search" aria-label="Auditlog filteren" className="grid gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
      <div>
        <label htmlFor="actie" className={labelClass}>
          Gebeurtenis
        </label>
        <select id="actie" name="actie" defaultValue={filter.actie ?? ""} className={inputClass}>
          <option value="">Alle gebeurtenissen</option>
          {actions.map((action) => (
            <option key={action.value} value={action.value}>
              {action.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="email" className={labelClass}>
          E-mailadres van wie het deed (bevat)
        </label>
        <input id="email" name="email" type="search" defaultValue={filter.email ?? ""} className={inputClass} spellCheck={false} />
      </div>
      <div>
        <label htmlFor="van" className={labelClass}>
          Vanaf datum
        </label>
        <input id="van" name="van" type="date" defaultValue={filter.van ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="tot" className={labelClass}>
          Tot en met datum
        </label>
        <input id="tot" name="tot" type="date" defaultValue={filter.tot ?? ""} className={inputClass} />
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <button type="submit" className={secondaryButtonClass}>
          Filteren
        </button>
        <Link href="/beheer/audit" className={linkClass}>
          Filters wissen
        </Link>
      </div>
    </form>
  );
}

/** Previous/next links that keep the filter. */
export function Pager({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Paginanavigatie" className="flex flex-wrap items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
          Vorige pagina
        </Link>
      ) : null}
      <span>
        Pagina {page} van {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          Volgende pagina
        </Link>
      ) : null}
    </nav>
  );
}
