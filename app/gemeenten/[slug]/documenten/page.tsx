import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmAction } from "@/components/beheer/ConfirmAction";
import { DocumentList } from "@/components/documenten/DocumentList";
import { DocumentMetaForm } from "@/components/documenten/DocumentMetaForm";
import { ProgressBar } from "@/components/zelfscan/ScanStatus";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getDocumentLibrary } from "@/lib/documenten/queries";
import { libraryDownloadHref } from "@/lib/shared/documenten/documents";
import { formatFileSize } from "@/lib/shared/format";
import { deleteDocumentAction, updateDocumentMetaAction } from "./actions";

export const metadata: Metadata = { title: "Documenten" };

export default async function DocumentenPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/gemeenten/${slug}/documenten`);
  const library = await getDocumentLibrary(prisma(), actor, slug);
  if (!library) notFound();
  const { gemeente, documents, storage } = library;
  const percentage = storage.quotaBytes ? Math.min(100, Math.round((storage.usedBytes / storage.quotaBytes) * 100)) : 0;
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/gemeenten/${gemeente.slug}`} className={linkClass}>
          Terug naar gemeente {gemeente.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Documenten van {gemeente.name}</h1>
      <p className="max-w-prose">
        De documenten die {gemeente.name} als onderbouwing bij de zelfscan gebruikt, zoals de regiovisie, inkoop- en subsidievoorwaarden en
        samenwerkingsafspraken. Eén document kan bij meer onderdelen en meetrondes horen. Documenten voegt u toe bij een onderdeel in de zelfscan.
      </p>
      <section aria-labelledby="opslag" className="max-w-lg space-y-1">
        <h2 id="opslag" className="text-lg font-semibold">
          Opslagruimte
        </h2>
        <p>
          {formatFileSize(storage.usedBytes)} van {formatFileSize(storage.quotaBytes)} gebruikt ({percentage}%).
        </p>
        <ProgressBar percentage={percentage} label="Gebruikte opslagruimte voor documenten" />
      </section>

      {documents.length === 0 ? (
        <p>Er zijn nog geen documenten.</p>
      ) : (
        <ul aria-label={`Documenten van ${gemeente.name}`} className="space-y-6">
          {documents.map((document) => (
            <li key={document.id} className="space-y-3 rounded border border-slate-400 p-4">
              <h2 className="text-lg font-semibold break-words">{document.title}</h2>
              <DocumentList
                documents={[document]}
                label={`Huidige versie van ${document.title}`}
                downloadHref={(versieId) => libraryDownloadHref(gemeente.slug, versieId)}
              />
              <div>
                <h3 className="font-semibold">Gebruikt bij</h3>
                {document.usedIn.length === 0 ? (
                  <p>Nog bij geen enkel onderdeel.</p>
                ) : (
                  <ul className="list-disc pl-5">
                    {document.usedIn.map((use) => (
                      <li key={`${use.zelfscanId}-${use.onderdeelId}`}>
                        <Link href={`/zelfscans/${use.zelfscanId}#onderdeel-${use.onderdeelId}`} className={linkClass}>
                          {use.meetronde}, onderdeel {use.onderdeelId}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {
                <details>
                  <summary className="cursor-pointer text-brand-800 underline">
                    Titel en ingangsdatum wijzigen<span className="sr-only"> van {document.title}</span>
                  </summary>
                  <div className="mt-2">
                    <DocumentMetaForm
                      id={`document-${document.id}`}
                      values={{ title: document.title, ingangsdatum: document.ingangsdatum }}
                      action={updateDocumentMetaAction.bind(null, gemeente.slug, document.id)}
                    />
                  </div>
                </details>
              }
              {document.usedIn.length === 0 ? (
                <ConfirmAction
                  label={`${document.title} verwijderen`}
                  question={`Weet u zeker dat u “${document.title}” met al zijn versies wilt verwijderen? Dit kan niet ongedaan worden gemaakt.`}
                  confirmLabel="Ja, verwijderen"
                  danger
                  action={deleteDocumentAction.bind(null, gemeente.slug, document.id)}
                />
              ) : (
                <p className="text-sm">Verwijderen kan pas als het document bij geen enkel onderdeel meer staat.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
