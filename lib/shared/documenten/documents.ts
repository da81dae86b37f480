// Evidence documents (issue 16), the part the browser and the server share: what may be uploaded,
// the Dutch refusals, the metadata form and the read model of a document. The files themselves are
// handled by lib/documenten (server-only): spooled to disk, checked by content, scanned, stored in
// DATA_DIR or S3, served only through scoped routes as attachments.
import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

/** The largest file accepted: 25 MB. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** The kinds of file accepted, as found in the content (never the name or the browser's claim). */
export type DocumentKind = "pdf" | "word" | "excel" | "opendocument" | "afbeelding";

/** For the file input's accept attribute: a hint for the browser's picker, not a check. */
export const DOCUMENT_ACCEPT = [
  ".pdf",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".odt",
  ".ods",
  ".odp",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  "application/pdf",
  "image/png",
  "image/jpeg",
].join(",");

/** Why an upload was refused. Nothing of a refused upload is stored. */
export const DOCUMENT_REFUSAL_MESSAGE = {
  "te-groot": "Het bestand is te groot. Een document mag hoogstens 25 MB zijn.",
  "verkeerd-type":
    "Dit soort bestand kan niet worden toegevoegd. Voeg een PDF, Word-, Excel- of OpenDocument-bestand of een afbeelding (PNG, JPEG, GIF, WebP) toe. Het soort wordt bepaald aan de inhoud, niet aan de naam.",
  onveilig: "Het bestand is geweigerd: het is beschadigd of pakt uit tot een veel groter geheel dan een gewoon document (mogelijk een zip-bom).",
  "quotum-vol": "De opslagruimte voor documenten van uw gemeente is vol. Verwijder documenten die niet meer nodig zijn, of vraag de beheerder om meer ruimte.",
  virus: "Het bestand is geweigerd: de virusscanner vond er schadelijke inhoud in.",
  "scanner-onbereikbaar": "Het bestand kon niet op virussen worden gecontroleerd en is daarom niet opgeslagen. Probeer het later opnieuw.",
  afgebroken: "Het uploaden is afgebroken voordat het bestand binnen was. Er is niets opgeslagen; probeer het opnieuw.",
  leeg: "Het bestand is leeg.",
  naam: "De bestandsnaam bevat onzichtbare stuurtekens en is daarom geweigerd. Er is niets opgeslagen; geef het bestand een andere naam en probeer het opnieuw.",
} as const;
export type DocumentRefusal = keyof typeof DOCUMENT_REFUSAL_MESSAGE;

const plainText = z.refine<string>(isPlainText, PLAIN_TEXT_MESSAGE);

/** "yyyy-mm-dd", an existing day. */
const ZIngangsdatum = z.string().check(
  z.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), "Vul de datum in waarop het document ingaat (dd-mm-jjjj)."),
  z.refine((value) => !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in."),
);

/** The title and date of a document: with a first upload, and when they are changed later. */
export const ZDocumentMetaSchema = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, "Geef het document een titel."), z.maxLength(200, "De titel is te lang (maximaal 200 tekens)."), plainText),
  ingangsdatum: ZIngangsdatum,
});
export type TDocumentMeta = z.infer<typeof ZDocumentMetaSchema>;

/** One stored version of a document, as pages, exports and the PDF show it. */
type DocumentVersieView = {
  id: string;
  nummer: number;
  fileName: string;
  mediaType: string;
  size: number;
  /** ISO timestamp. */
  uploadedAt: string;
  uploadedBy: string | null;
};

/** A document of a gemeente's library with its versions, newest first (versies[0] is current). */
export type DocumentView = {
  id: string;
  title: string;
  /** yyyy-mm-dd */
  ingangsdatum: string;
  versies: DocumentVersieView[];
};

/** Where a version is downloaded in the scope of a scan (readable scan, document linked to it). */
export function documentDownloadHref(zelfscanId: string, versieId: string): string {
  return `/zelfscans/${encodeURIComponent(zelfscanId)}/documenten/${encodeURIComponent(versieId)}`;
}

/** Where a version is downloaded from the gemeente's library. */
export function libraryDownloadHref(gemeenteSlug: string, versieId: string): string {
  return `/gemeenten/${encodeURIComponent(gemeenteSlug)}/documenten/${encodeURIComponent(versieId)}`;
}

/** Where a document of the library is used: an onderdeel of a scan. */
type DocumentUse = { zelfscanId: string; meetronde: string; onderdeelId: string };

/** A document as the gemeente's library shows it: with its versions and where it is used. */
export type LibraryDocumentView = DocumentView & { usedIn: DocumentUse[] };
