// Presentational tables of the beheer pages. Every table has a caption and header cells with a scope.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/shared/format";
import { INVITATION_STATUS_LABEL } from "@/lib/shared/beheer/labels";
import { ROLE_LABEL, type RoleName } from "@/lib/shared/beheer/schemas";
import { ScrollTable } from "./ScrollTable";
import { captionClass, linkClass, tableClass, tdClass, thClass } from "@/components/ui/styles";

export type GrantItem = { id: string; role: RoleName; gemeente: { name: string } | null; regio: { name: string } | null };

export function grantText(grant: GrantItem): string {
  const scope = grant.gemeente?.name ?? grant.regio?.name;
  return scope ? `${ROLE_LABEL[grant.role]}, ${scope}` : ROLE_LABEL[grant.role];
}

export function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <span className="rounded bg-green-100 px-2 py-0.5 text-green-900">Actief</span>
  ) : (
    <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-900">Gedeactiveerd</span>
  );
}

export function RegioTable({ regios }: { regios: { id: string; name: string; slug: string; gemeenten: number }[] }) {
  return (
    <ScrollTable label="Regio's">
      <table className={tableClass}>
        <caption className={captionClass}>Regio&apos;s ({regios.length})</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Regio
            </th>
            <th scope="col" className={thClass}>
              Korte naam
            </th>
            <th scope="col" className={thClass}>
              Gemeenten
            </th>
          </tr>
        </thead>
        <tbody>
          {regios.map((regio) => (
            <tr key={regio.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                <Link href={`/beheer/regios/${regio.id}`} className={linkClass}>
                  {regio.name}
                </Link>
              </th>
              <td className={tdClass}>{regio.slug}</td>
              <td className={tdClass}>{regio.gemeenten}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function GemeenteTable({
  caption,
  gemeenten,
}: {
  caption: string;
  gemeenten: { id: string; name: string; slug: string; regio?: { name: string }; gebruikers?: number }[];
}) {
  const withRegio = gemeenten.some((gemeente) => gemeente.regio);
  const withUsers = gemeenten.some((gemeente) => gemeente.gebruikers !== undefined);
  return (
    <ScrollTable label={caption}>
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Gemeente
            </th>
            <th scope="col" className={thClass}>
              Korte naam
            </th>
            {withRegio && (
              <th scope="col" className={thClass}>
                Regio
              </th>
            )}
            {withUsers && (
              <th scope="col" className={thClass}>
                Rollen
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {gemeenten.map((gemeente) => (
            <tr key={gemeente.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                <Link href={`/beheer/gemeenten/${gemeente.id}`} className={linkClass}>
                  {gemeente.name}
                </Link>
              </th>
              <td className={tdClass}>{gemeente.slug}</td>
              {withRegio && <td className={tdClass}>{gemeente.regio?.name}</td>}
              {withUsers && <td className={tdClass}>{gemeente.gebruikers}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export type UserTableRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  grants: GrantItem[];
};

/** `showLastLogin` is false for a project leader, who does not see when (or whether) someone logged in before. */
export function UserTable({ users, caption, showLastLogin = true }: { users: UserTableRow[]; caption: string; showLastLogin?: boolean }) {
  return (
    <ScrollTable label={caption}>
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Naam
            </th>
            <th scope="col" className={thClass}>
              E-mailadres
            </th>
            <th scope="col" className={thClass}>
              Rollen
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            {showLastLogin && (
              <th scope="col" className={thClass}>
                Laatst ingelogd
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                <Link href={`/beheer/gebruikers/${user.id}`} className={linkClass}>
                  {user.name}
                </Link>
              </th>
              <td className={tdClass}>{user.email}</td>
              <td className={tdClass}>
                {user.grants.length === 0 ? (
                  "Geen rol"
                ) : (
                  <ul>
                    {user.grants.map((grant) => (
                      <li key={grant.id}>{grantText(grant)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={tdClass}>
                <StatusBadge active={user.active} />
                {!user.hasPassword && <span className="block text-sm">Nog geen wachtwoord</span>}
              </td>
              {showLastLogin && <td className={tdClass}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Nooit"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export type InvitationTableRow = {
  id: string;
  email: string;
  name: string;
  gemeente: string;
  createdAt: Date;
  status: "OPEN" | "GOEDGEKEURD" | "AFGEWEZEN";
};

/** The invitations a project leader asked for, with the same status words for every address. */
export function InvitationTable({ invitations, caption }: { invitations: InvitationTableRow[]; caption: string }) {
  return (
    <ScrollTable label={caption}>
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              E-mailadres
            </th>
            <th scope="col" className={thClass}>
              Naam
            </th>
            <th scope="col" className={thClass}>
              Gemeente
            </th>
            <th scope="col" className={thClass}>
              Aangevraagd
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                {invitation.email}
              </th>
              <td className={tdClass}>{invitation.name}</td>
              <td className={tdClass}>{invitation.gemeente}</td>
              <td className={tdClass}>{formatDateTime(invitation.createdAt)}</td>
              <td className={tdClass}>{INVITATION_STATUS_LABEL[invitation.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** The roles of one user, with a control per role (e.g. revoke) when the viewer may change them. */
export function GrantTable({ grants, caption, control }: { grants: GrantItem[]; caption: string; control?: (grant: GrantItem) => ReactNode }) {
  if (grants.length === 0) return <p>Deze gebruiker heeft geen rol en kan dus niets zien.</p>;
  return (
    <ScrollTable label={caption}>
      <table className={tableClass}>
        {/* The section heading above already says "Rollen"; the caption names the table for screen readers. */}
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Rol
            </th>
            <th scope="col" className={thClass}>
              Voor
            </th>
            {control && (
              <th scope="col" className={thClass}>
                <span className="sr-only">Acties</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {grants.map((grant) => (
            <tr key={grant.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                {ROLE_LABEL[grant.role]}
              </th>
              <td className={tdClass}>{grant.gemeente ? `Gemeente ${grant.gemeente.name}` : grant.regio ? `Regio ${grant.regio.name}` : "Hele applicatie"}</td>
              {control && <td className={tdClass}>{control(grant)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export type AuditTableRow = {
  id: string;
  at: Date;
  actionLabel: string;
  actor: { email: string; name: string } | null;
  target: string;
  scope: string | null;
  details: [string, string][];
  ip: string | null;
};

export function AuditTable({ rows, caption }: { rows: AuditTableRow[]; caption: string }) {
  return (
    <ScrollTable label={caption}>
      <table className={`${tableClass} text-sm`}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Tijd
            </th>
            <th scope="col" className={thClass}>
              Gebeurtenis
            </th>
            <th scope="col" className={thClass}>
              Door
            </th>
            <th scope="col" className={thClass}>
              Betreft
            </th>
            <th scope="col" className={thClass}>
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-300">
              <td className={`${tdClass} whitespace-nowrap`}>
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
              </td>
              <th scope="row" className={`${tdClass} font-normal`}>
                {row.actionLabel}
              </th>
              <td className={tdClass}>{row.actor ? row.actor.email : "—"}</td>
              <td className={tdClass}>
                {row.target}
                {row.scope && <span className="block">{row.scope}</span>}
              </td>
              <td className={tdClass}>
                {row.details.length === 0 && !row.ip ? (
                  "—"
                ) : (
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-2">
                    {row.details.map(([key, value]) => (
                      <div key={key} className="contents">
                        <dt className="font-semibold">{key}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                    {row.ip && (
                      <div className="contents">
                        <dt className="font-semibold">IP-adres</dt>
                        <dd>{row.ip}</dd>
                      </div>
                    )}
                  </dl>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
