import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { MessageStatusText } from "@/components/beheer/MessageTable";
import { FormActionButton } from "@/components/regio/FormActionButton";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { getMessage } from "@/lib/beheer/berichten";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { MESSAGE_KIND } from "@/lib/shared/mail/kinds";
import { MESSAGE_TRANSPORT_LABEL } from "@/lib/shared/mail/schemas";
import { retryMessageAction } from "../actions";

export const metadata: Metadata = { title: "Bericht – Beheer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function BerichtPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/beheer/berichten/${encodeURIComponent(id)}`);
  const message = await getMessage(prisma(), actor, id);
  if (!message) notFound();

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/berichten", label: "Berichten" }, { label: message.subject }]} />
      <h1 className="text-2xl font-bold break-words">{message.subject}</h1>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Aan</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="font-semibold">Soort</dt>
        <dd>{MESSAGE_KIND[message.kind].label}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          <MessageStatusText status={message.status} />
        </dd>
        <dt className="font-semibold">Pogingen</dt>
        <dd>{message.attempts}</dd>
        {message.lastError && (
          <>
            <dt className="font-semibold">Laatste fout</dt>
            <dd className="break-words">{message.lastError}</dd>
          </>
        )}
        <dt className="font-semibold">Aangemaakt</dt>
        <dd>
          <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt)}</time>
        </dd>
        <dt className="font-semibold">Verzonden</dt>
        <dd>{message.sentAt ? <time dateTime={message.sentAt.toISOString()}>{formatDateTime(message.sentAt)}</time> : "Nog niet"}</dd>
        <dt className="font-semibold">Verzonden via</dt>
        <dd>{message.transport ? MESSAGE_TRANSPORT_LABEL[message.transport] : "Nog niet verzonden"}</dd>
        {message.digest && (
          <>
            <dt className="font-semibold">Samenvatting</dt>
            <dd>
              <Link href={`/beheer/berichten/${message.digest.id}`} className={linkClass}>
                {message.digest.subject}
              </Link>
            </dd>
          </>
        )}
      </dl>
      {message.status === "MISLUKT" && (
        <FormActionButton
          action={retryMessageAction}
          fields={{ messageId: message.id }}
          label="Opnieuw versturen"
          pendingLabel="Bezig…"
          doneMessage="Het bericht wordt opnieuw verzonden."
        />
      )}
      <section aria-labelledby="inhoud-titel" className="space-y-3">
        <h2 id="inhoud-titel" className="text-xl font-semibold">
          Inhoud (platte tekst)
        </h2>
        {"text" in message.body ? (
          <>
            {message.secret && (
              <p className="max-w-prose rounded border border-slate-300 bg-slate-50 p-4">
                Dit bericht bevat een eenmalige link voor de ontvanger. Geef die alleen aan de ontvanger door; dat u dit bericht las, staat in het auditlog.
              </p>
            )}
            <pre className="max-w-prose rounded border border-slate-300 bg-white p-4 font-sans break-words whitespace-pre-wrap">{message.body.text}</pre>
          </>
        ) : (
          <p className="max-w-prose">{message.body.withheld}</p>
        )}
      </section>
    </div>
  );
}
