// The outbox of Beheer › Berichten as a table: one row per message, newest first.
import Link from "next/link";
import { formatDateTime } from "@/lib/shared/format";
import { MESSAGE_KIND, type MessageKind } from "@/lib/shared/mail/kinds";
import { MESSAGE_STATUS_LABEL, MESSAGE_TRANSPORT_LABEL } from "@/lib/shared/mail/schemas";
import { ScrollTable } from "./ScrollTable";
import { captionClass, inputClass, linkClass, secondaryButtonClass, tableClass, tdClass, thClass } from "@/components/ui/styles";

export type MessageTableRow = {
  id: string;
  kind: MessageKind;
  to: string;
  subject: string;
  status: keyof typeof MESSAGE_STATUS_LABEL;
  transport: keyof typeof MESSAGE_TRANSPORT_LABEL | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export function MessageStatusText({ status }: { status: MessageTableRow["status"] }) {
  const tone = status === "MISLUKT" ? "bg-red-100 text-red-900" : status === "VERZONDEN" ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-900";
  return <span className={`rounded px-2 py-0.5 ${tone}`}>{MESSAGE_STATUS_LABEL[status]}</span>;
}

export function MessageTable({ rows, caption }: { rows: MessageTableRow[]; caption: string }) {
  return (
    <ScrollTable label={caption}>
      <table className={`${tableClass} text-sm`}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Onderwerp
            </th>
            <th scope="col" className={thClass}>
              Aan
            </th>
            <th scope="col" className={thClass}>
              Soort
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={thClass}>
              Pogingen
            </th>
            <th scope="col" className={thClass}>
              Aangemaakt
            </th>
            <th scope="col" className={thClass}>
              Verzonden
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                <Link href={`/beheer/berichten/${row.id}`} className={linkClass}>
                  {row.subject}
                </Link>
              </th>
              <td className={`${tdClass} break-all`}>{row.to}</td>
              <td className={tdClass}>{MESSAGE_KIND[row.kind].label}</td>
              <td className={tdClass}>
                <MessageStatusText status={row.status} />
                {row.lastError && <span className="mt-1 block break-words">Laatste fout: {row.lastError}</span>}
              </td>
              <td className={tdClass}>{row.attempts}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
              </td>
              <td className={tdClass}>
                {row.sentAt ? <time dateTime={row.sentAt.toISOString()}>{formatDateTime(row.sentAt)}</time> : "—"}
                {row.transport && <span className="block">{MESSAGE_TRANSPORT_LABEL[row.transport]}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function MessageFilterForm({ filter }: { filter: { status?: string; soort?: string } }) {
  const labelClass = "block font-semibold";
  return (
    <form method="get" role="search" aria-label="Berichten filteren" className="grid gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
      <div>
        <label htmlFor="status" className={labelClass}>
          Status
        </label>
        <select id="status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
          <option value="">Alle statussen</option>
          {(Object.keys(MESSAGE_STATUS_LABEL) as MessageTableRow["status"][]).map((status) => (
            <option key={status} value={status}>
              {MESSAGE_STATUS_LABEL[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="soort" className={labelClass}>
          Soort bericht
        </label>
        <select id="soort" name="soort" defaultValue={filter.soort ?? ""} className={inputClass}>
          <option value="">Alle soorten</option>
          {(Object.keys(MESSAGE_KIND) as MessageKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {MESSAGE_KIND[kind].label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <button type="submit" className={secondaryButtonClass}>
          Filteren
        </button>
        <Link href="/beheer/berichten" className={linkClass}>
          Filters wissen
        </Link>
      </div>
    </form>
  );
}
