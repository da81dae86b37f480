"use client";

// The "Documenten" part of an onderdeel in the wizard: the linked documents with their versions, and,
// for who may edit the onderdeel, adding files (several at once, each with its title, ingangsdatum and
// a progress bar), choosing a document from the gemeente's library, a new version, and taking a
// document away from this onderdeel (the document stays in the library). The files go one request
// each to the upload routes; the refusals are the server's words. The metadata schema loads lazily,
// as the answer's does (the wizard's JavaScript budget, components/forms/lazy-resolver.ts).
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { lazyModule } from "@/components/forms/lazy-resolver";
import { inputClass, linkClass, secondaryButtonClass } from "@/components/ui/styles";
import type { DocumentView } from "@/lib/shared/documenten/documents";
import { formatDay, formatFileSize } from "@/lib/shared/format";
import type { Result } from "@/lib/shared/result";
import { DocumentList } from "./DocumentList";
import { uploadDocument } from "./upload-client";

const metaSchema = lazyModule(() => import("@/lib/shared/documenten/documents").then((loaded) => loaded.ZDocumentMetaSchema));

type Action = (documentId: string) => Promise<Result<unknown>>;

type DocumentEditing = {
  scanId: string;
  /** The gemeente's library (title, date), to link a document that is not on this onderdeel yet. */
  library: readonly { id: string; title: string; ingangsdatum: string }[];
  libraryHref: string;
  /** DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES and the refusal "te-groot", handed down by the page. */
  accept: string;
  maxBytes: number;
  tooLarge: string;
  link: Action;
  unlink: Action;
};

type Upload = {
  key: string;
  file: File;
  title: string;
  ingangsdatum: string;
  errors: { title?: string; ingangsdatum?: string };
  /** 0–100 while sending or sent; null before. */
  progress: number | null;
  state: "klaar" | "bezig" | "opgeslagen" | "geweigerd";
  message: string;
};

/** The file name without its extension, without control characters, as long as a title may be. */
function titleOf(name: string): string {
  return name
    .replace(/\.[^.]*$/, "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
}

export function OnderdeelDocuments({
  base,
  label,
  onderdeelId,
  documents,
  downloads,
  editing,
}: {
  /** The onderdeel's id prefix in the page ("onderdeel-3a"). */
  base: string;
  /** "onderdeel 3a" or "eis 4", for labels that must be unique on the page. */
  label: string;
  onderdeelId: string;
  documents: readonly DocumentView[];
  /** Download address per version id (built on the server). */
  downloads: Readonly<Record<string, string>>;
  editing: DocumentEditing | null;
}) {
  const router = useRouter();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [chosen, setChosen] = useState("");
  const [versions, setVersions] = useState<Record<string, { progress: number; message: string; error: boolean }>>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  useEffect(() => (editing ? metaSchema.preload() : undefined), [editing]);

  const linked = new Set(documents.map((document) => document.id));
  const choices = editing?.library.filter((document) => !linked.has(document.id)) ?? [];
  const id = (suffix: string) => `${base}-documenten-${suffix}`;
  const update = (key: string, change: Partial<Upload>) => setUploads((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  function choose(files: FileList | null) {
    if (!editing || !files) return;
    setNotice(null);
    setUploads(
      [...files].map((file, index) => {
        const tooLarge = file.size > editing.maxBytes;
        return {
          key: `${Date.now()}-${index}`,
          file,
          title: titleOf(file.name),
          ingangsdatum: "",
          errors: {},
          progress: null,
          // Larger than the server takes: said at once, and not sent at all.
          state: tooLarge ? "geweigerd" : "klaar",
          message: tooLarge ? editing.tooLarge : "",
        };
      }),
    );
  }

  async function send() {
    if (!editing) return;
    const waiting = uploads.filter((row) => row.state === "klaar" || (row.state === "geweigerd" && row.file.size <= editing.maxBytes));
    if (waiting.length === 0) return;
    setBusy(true);
    setNotice(null);
    let schema: Awaited<ReturnType<typeof metaSchema.load>>;
    try {
      schema = await metaSchema.load();
    } catch {
      setBusy(false);
      setNotice({ text: "De controle van uw invoer kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.", error: true });
      return;
    }
    // Title and date of every file first: nothing is sent while one of them is wrong.
    let invalid = false;
    const checked = new Map<string, Upload["errors"]>();
    for (const row of waiting) {
      const parsed = schema.safeParse({ title: row.title, ingangsdatum: row.ingangsdatum });
      const errors: Upload["errors"] = {};
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = issue.path[0];
          if ((field === "title" || field === "ingangsdatum") && !errors[field]) errors[field] = issue.message;
        }
      if (errors.title || errors.ingangsdatum) invalid = true;
      checked.set(row.key, errors);
    }
    setUploads((rows) => rows.map((row) => (checked.has(row.key) ? { ...row, errors: checked.get(row.key)! } : row)));
    if (invalid) {
      setBusy(false);
      setNotice({ text: "Controleer de titel en de ingangsdatum bij de gemarkeerde bestanden. Er is nog niets geüpload.", error: true });
      // The first field with an error receives focus once it is rendered with its message.
      window.setTimeout(() => section.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    let stored = 0;
    let refused = 0;
    for (const row of waiting) {
      update(row.key, { state: "bezig", progress: 0, message: "Bezig met uploaden…" });
      const form = new FormData();
      form.append("title", row.title.trim());
      form.append("ingangsdatum", row.ingangsdatum);
      form.append("file", row.file);
      const outcome = await uploadDocument(`/api/zelfscans/${editing.scanId}/antwoorden/${onderdeelId}/documenten`, form, (fraction) =>
        update(row.key, { progress: Math.round(fraction * 100) }),
      );
      if (outcome.kind === "stored") {
        stored++;
        update(row.key, { state: "opgeslagen", progress: 100, message: `Opgeslagen als “${outcome.document.title}”.` });
      } else {
        refused++;
        const errors = outcome.kind === "refused" ? outcome.fieldErrors : {};
        update(row.key, {
          state: "geweigerd",
          progress: null,
          message: `Niet opgeslagen. ${errors.file ?? outcome.message}`,
          errors: { title: errors.title, ingangsdatum: errors.ingangsdatum },
        });
      }
    }
    setBusy(false);
    setNotice({
      text: [
        stored ? `${stored === 1 ? "1 document" : `${stored} documenten`} toegevoegd.` : "",
        refused ? `${refused} niet opgeslagen; zie hieronder waarom.` : "",
      ]
        .filter(Boolean)
        .join(" "),
      error: refused > 0,
    });
    if (stored) router.refresh();
  }

  async function newVersion(document: DocumentView, file: File | undefined) {
    if (!editing || !file) return;
    if (file.size > editing.maxBytes) {
      setVersions((all) => ({ ...all, [document.id]: { progress: 0, message: `Niet opgeslagen. ${editing.tooLarge}`, error: true } }));
      return;
    }
    setVersions((all) => ({ ...all, [document.id]: { progress: 0, message: "Bezig met uploaden…", error: false } }));
    const form = new FormData();
    form.append("file", file);
    const outcome = await uploadDocument(`/api/documenten/${document.id}/versies`, form, (fraction) =>
      setVersions((all) => ({ ...all, [document.id]: { progress: Math.round(fraction * 100), message: "Bezig met uploaden…", error: false } })),
    );
    if (outcome.kind === "stored") {
      const nummer = outcome.document.versies[0]?.nummer;
      setVersions((all) => ({ ...all, [document.id]: { progress: 100, message: `Versie ${nummer ?? ""} van “${document.title}” opgeslagen.`, error: false } }));
      router.refresh();
    } else {
      const message = outcome.kind === "refused" ? (outcome.fieldErrors.file ?? outcome.message) : outcome.message;
      setVersions((all) => ({ ...all, [document.id]: { progress: 0, message: `Niet opgeslagen. ${message}`, error: true } }));
    }
  }

  async function run(action: Action, documentId: string, done: string) {
    setBusy(true);
    setNotice(null);
    const result = await action(documentId);
    setBusy(false);
    if (result.status === "ok") {
      setNotice({ text: result.message ?? done, error: false });
      setChosen("");
      router.refresh();
    } else setNotice({ text: result.message, error: true });
  }

  return (
    <section ref={section} aria-labelledby={id("titel")} className="space-y-3">
      <h4 id={id("titel")} className="font-semibold">
        Documenten
      </h4>
      <DocumentList
        documents={documents}
        label={`Documenten bij ${label}`}
        downloadHref={(versieId) => downloads[versieId] ?? ""}
        emptyText="Nog geen documenten bij dit onderdeel."
        actions={
          editing
            ? (document) => {
                const version = versions[document.id];
                return (
                  <div className="flex flex-wrap items-start gap-x-4 gap-y-2 pt-1 text-sm">
                    <div className="max-w-full min-w-0">
                      <label htmlFor={id(`versie-${document.id}`)} className="block font-semibold">
                        Nieuwe versie<span className="sr-only"> van {document.title}</span>
                      </label>
                      <input
                        id={id(`versie-${document.id}`)}
                        type="file"
                        accept={editing.accept}
                        className="mt-1 block w-full max-w-full text-sm"
                        onChange={(event) => {
                          void newVersion(document, event.target.files?.[0]);
                          event.target.value = "";
                        }}
                      />
                      {version && (
                        <>
                          {!version.error && (
                            <progress max={100} value={version.progress} aria-label={`Voortgang van de nieuwe versie van ${document.title}`} />
                          )}
                          <p aria-live="polite" className={version.error ? "font-semibold text-red-800" : ""}>
                            {version.message}
                          </p>
                        </>
                      )}
                    </div>
                    <button
                      type="button"
                      disabled={busy}
                      className="rounded border border-slate-600 px-3 py-1"
                      onClick={() =>
                        void run(editing.unlink, document.id, `“${document.title}” is weggehaald bij dit onderdeel; het staat nog in de bibliotheek.`)
                      }
                    >
                      Weghalen bij dit onderdeel<span className="sr-only">: {document.title}</span>
                    </button>
                  </div>
                );
              }
            : undefined
        }
      />

      {editing && (
        <div className="space-y-3 rounded border border-slate-300 p-3">
          <div>
            <label htmlFor={id("bestanden")} className="block font-semibold">
              Document toevoegen<span className="sr-only"> bij {label}</span>
            </label>
            <p id={id("bestanden-hint")} className="text-sm">
              PDF, Word, Excel, OpenDocument of een afbeelding, hoogstens {formatFileSize(editing.maxBytes)} per bestand. U kunt meer bestanden tegelijk kiezen.
            </p>
            <input
              ref={fileInput}
              id={id("bestanden")}
              type="file"
              multiple
              accept={editing.accept}
              aria-describedby={id("bestanden-hint")}
              className="mt-1 block w-full max-w-full"
              onChange={(event) => choose(event.target.files)}
            />
          </div>
          {uploads.length > 0 && (
            <ul aria-label={`Gekozen bestanden bij ${label}`} className="space-y-3">
              {uploads.map((row, index) => {
                const field = (name: string) => id(`bestand-${index}-${name}`);
                const editable = row.state === "klaar" || (row.state === "geweigerd" && row.file.size <= editing.maxBytes);
                return (
                  <li key={row.key} className="space-y-2 rounded border border-slate-300 p-2">
                    <p className="font-semibold break-words">
                      {row.file.name} <span className="font-normal">({formatFileSize(row.file.size)})</span>
                    </p>
                    {editable && (
                      <div className="grid gap-2 sm:grid-cols-[2fr_1fr]">
                        <div>
                          <label htmlFor={field("titel")} className="block text-sm">
                            Titel<span className="sr-only"> van {row.file.name}</span>
                          </label>
                          <input
                            id={field("titel")}
                            type="text"
                            value={row.title}
                            disabled={busy}
                            aria-invalid={row.errors.title ? true : undefined}
                            aria-describedby={row.errors.title ? field("titel-fout") : undefined}
                            className={inputClass}
                            onChange={(event) => update(row.key, { title: event.target.value, errors: { ...row.errors, title: undefined } })}
                          />
                          {row.errors.title && (
                            <p id={field("titel-fout")} className="mt-1 font-semibold text-red-800">
                              {row.errors.title}
                            </p>
                          )}
                        </div>
                        <div>
                          <label htmlFor={field("datum")} className="block text-sm">
                            Ingangsdatum<span className="sr-only"> van {row.file.name}</span>
                          </label>
                          <input
                            id={field("datum")}
                            type="date"
                            value={row.ingangsdatum}
                            disabled={busy}
                            aria-invalid={row.errors.ingangsdatum ? true : undefined}
                            aria-describedby={row.errors.ingangsdatum ? field("datum-fout") : undefined}
                            className={inputClass}
                            onChange={(event) => update(row.key, { ingangsdatum: event.target.value, errors: { ...row.errors, ingangsdatum: undefined } })}
                          />
                          {row.errors.ingangsdatum && (
                            <p id={field("datum-fout")} className="mt-1 font-semibold text-red-800">
                              {row.errors.ingangsdatum}
                            </p>
                          )}
                        </div>
                      </div>
                    )}
                    {row.progress !== null && <progress max={100} value={row.progress} aria-label={`Voortgang van ${row.file.name}`} className="w-full" />}
                    <p aria-live="polite" className={row.state === "geweigerd" ? "font-semibold text-red-800" : ""} data-state={row.state}>
                      {row.message}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          {uploads.some((row) => row.state !== "opgeslagen") && (
            <p className="flex flex-wrap gap-3">
              <button type="button" disabled={busy} className={secondaryButtonClass} onClick={() => void send()}>
                Uploaden<span className="sr-only"> bij {label}</span>
              </button>
              <button
                type="button"
                disabled={busy}
                className="rounded border border-slate-600 px-3 py-1"
                onClick={() => {
                  setUploads([]);
                  if (fileInput.current) fileInput.current.value = "";
                }}
              >
                Lijst leegmaken
              </button>
            </p>
          )}

          <div>
            {choices.length > 0 ? (
              <>
                <label htmlFor={id("bibliotheek")} className="block font-semibold">
                  Kies uit de bibliotheek<span className="sr-only"> voor {label}</span>
                </label>
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  <select id={id("bibliotheek")} value={chosen} className={`${inputClass} max-w-md`} onChange={(event) => setChosen(event.target.value)}>
                    <option value="">Kies een document</option>
                    {choices.map((document) => (
                      <option key={document.id} value={document.id}>
                        {document.title} (ingangsdatum {formatDay(document.ingangsdatum)})
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    disabled={busy || !chosen}
                    className={secondaryButtonClass}
                    onClick={() => void run(editing.link, chosen, "Het document staat nu bij dit onderdeel.")}
                  >
                    Koppelen<span className="sr-only"> aan {label}</span>
                  </button>
                </div>
              </>
            ) : (
              <p className="text-sm">Alle documenten uit de bibliotheek van uw gemeente staan al bij dit onderdeel, of de bibliotheek is nog leeg.</p>
            )}
            <p className="mt-1 text-sm">
              <a href={editing.libraryHref} className={linkClass}>
                Naar de documentenbibliotheek
              </a>
            </p>
          </div>
        </div>
      )}
      <p role="status" className="font-semibold">
        {notice && !notice.error ? notice.text : ""}
      </p>
      {notice?.error && (
        <p role="alert" className="font-semibold text-red-800">
          {notice.text}
        </p>
      )}
    </section>
  );
}
