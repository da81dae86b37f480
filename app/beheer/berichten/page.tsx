import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { Pager } from "@/components/beheer/FilterForms";
import { MessageFilterForm, MessageTable } from "@/components/beheer/MessageTable";
import { FormActionButton } from "@/components/regio/FormActionButton";
import { requireActor } from "@/lib/auth/current";
import { listMessages, MESSAGE_PAGE_SIZE } from "@/lib/beheer/berichten";
import { prisma } from "@/lib/db/client";
import { ZMessageFilterSchema, type TMessageFilter } from "@/lib/shared/mail/schemas";
import { retryFailedMessagesAction } from "./actions";

export const metadata: Metadata = { title: "Berichten – Beheer" };
export const dynamic = "force-dynamic";

function hrefFor(filter: TMessageFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.soort) params.set("soort", filter.soort);
  if (page > 1) params.set("pagina", String(page));
  const query = params.toString();
  return query ? `/beheer/berichten?${query}` : "/beheer/berichten";
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default async function BerichtenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/beheer/berichten");
  const filter = ZMessageFilterSchema.parse(await searchParams);
  const result = await listMessages(prisma(), actor, filter);
  if (!result) notFound();
  const first = (result.page - 1) * MESSAGE_PAGE_SIZE + 1;
  const last = first + result.messages.length - 1;

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Berichten" }]} />
      <h1 className="text-2xl font-bold">Berichten</h1>
      <p className="max-w-prose">
        Alle e-mail die de applicatie verstuurt of nog gaat versturen, de nieuwste bovenaan. Een bericht dat na alle pogingen niet kon worden verzonden, staat
        op Mislukt; u kunt het opnieuw laten versturen.
      </p>
      {result.mailbox ? (
        <p className="max-w-prose rounded border border-slate-300 bg-slate-50 p-4">
          Deze server heeft geen e-mailserver ingesteld (SMTP_URL). Berichten gaan daarom niet naar de ontvangers, maar blijven hier in het postvak; open een
          bericht om te lezen wat er verstuurd zou zijn.
        </p>
      ) : (
        <p className="max-w-prose">Berichten gaan per e-mail naar de ontvangers. De inhoud van een verzonden bericht wordt hier niet getoond.</p>
      )}
      <section aria-labelledby="stand-titel" className="space-y-3">
        <h2 id="stand-titel" className="text-xl font-semibold">
          Stand van de verzending
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{plural(result.counts.waiting, "bericht wacht", "berichten wachten")} op verzending</li>
          <li>{plural(result.counts.bundled, "bericht wacht", "berichten wachten")} op de dagelijkse samenvatting</li>
          <li>{plural(result.counts.failed, "bericht is", "berichten zijn")} mislukt</li>
        </ul>
        {result.counts.failed > 0 && (
          <FormActionButton
            action={retryFailedMessagesAction}
            fields={{}}
            label="Alle mislukte berichten opnieuw versturen"
            pendingLabel="Bezig…"
            doneMessage="De mislukte berichten worden opnieuw verzonden."
          />
        )}
      </section>
      <MessageFilterForm filter={filter} />
      {result.total === 0 ? (
        <p role="status">Geen berichten gevonden{filter.status || filter.soort ? " met deze filters" : ""}.</p>
      ) : (
        <>
          <p role="status">
            {plural(result.total, "bericht", "berichten")}; u ziet {first} tot en met {last}.
          </p>
          <MessageTable rows={result.messages} caption={`Berichten, pagina ${result.page} van ${result.pageCount}`} />
          <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => hrefFor(filter, page)} />
        </>
      )}
    </div>
  );
}
