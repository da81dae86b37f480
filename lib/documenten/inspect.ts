// What an uploaded file is, found in its content (never in its name or the browser's claim), and
// whether it is safe to keep. The upload pipeline (lib/documenten/upload.ts) spools the request to a
// temp file and calls inspectFile on it before the virus scan.
//
// - The type: file-type reads the magic bytes at the head of the file (for a zip, the local headers
//   of its first entries and a capped look into [Content_Types].xml or mimetype). Only the kinds in
//   DOCUMENT_KINDS pass; HTML, SVG, scripts, executables, other zips and anything unknown are
//   "verkeerd-type".
// - Legacy Word (.doc) and Excel (.xls) are OLE compound files (CFB), which file-type reports only as
//   application/x-cfb — as it does Outlook messages, Windows Installer packages and PowerPoint files.
//   So we read the compound file's root directory ourselves: a "WordDocument" stream makes it Word,
//   "Workbook" or "Book" Excel; anything else is refused. (A password-protected .docx is also a CFB,
//   with an "EncryptedPackage": it is refused, as its content cannot be checked or scanned.)
// - Zip containers (docx, xlsx, odt, ods, odp) are opened from the file (yauzl, lazily: the central
//   directory, then one entry at a time) and refused as "onveilig" when they would unpack to far more
//   than a document does (a zip bomb), have too many entries, name a path outside the archive, or are
//   broken. The declared sizes can lie, so every compressed entry is inflated into nothing, never
//   past the size its header declares (more is an error at that moment, less too). The declared
//   sizes together are capped first, so the check costs at most MAX_UNPACKED_BYTES of inflating,
//   however the headers lie. Stored entries need no inflating: yauzl checks that their two sizes
//   agree.
import "server-only";
import { open, stat, type FileHandle } from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { inflateRawSync } from "node:zlib";
import { fileTypeFromFile } from "file-type";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { DocumentKind, DocumentRefusal } from "@/lib/shared/documenten/documents";

export type Inspection = { ok: true; kind: DocumentKind; mediaType: string; extension: string } | { ok: false; reason: DocumentRefusal };

/** A zip container may unpack to at most this much in total (all entries together). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Above ZIP_RATIO_FLOOR unpacked, a zip may unpack to at most this many times its own size. */
const MAX_ZIP_RATIO = 100;
// Small containers compress well (repetitive XML) without being a threat: the ratio only counts
// once the unpacked whole is large enough to matter.
const ZIP_RATIO_FLOOR = 10 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;
// Entries that declare at most this much (and are about as small compressed: deflate adds little
// to incompressible data) are read and inflated in one synchronous call, which blocks for well
// under a millisecond; larger ones as a stream.
const SMALL_ENTRY_BYTES = 1024 * 1024;

type Accepted = { kind: DocumentKind; mediaType: string; extension: string };

const OOXML: Record<string, Accepted> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    kind: "word",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    kind: "excel",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  },
};

const OPENDOCUMENT: Record<string, Accepted> = {
  "application/vnd.oasis.opendocument.text": { kind: "opendocument", mediaType: "application/vnd.oasis.opendocument.text", extension: "odt" },
  "application/vnd.oasis.opendocument.spreadsheet": { kind: "opendocument", mediaType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods" },
  "application/vnd.oasis.opendocument.presentation": {
    kind: "opendocument",
    mediaType: "application/vnd.oasis.opendocument.presentation",
    extension: "odp",
  },
};

const IMAGES: Record<string, Accepted> = {
  "image/png": { kind: "afbeelding", mediaType: "image/png", extension: "png" },
  "image/jpeg": { kind: "afbeelding", mediaType: "image/jpeg", extension: "jpg" },
  "image/gif": { kind: "afbeelding", mediaType: "image/gif", extension: "gif" },
  "image/webp": { kind: "afbeelding", mediaType: "image/webp", extension: "webp" },
};

const PDF: Accepted = { kind: "pdf", mediaType: "application/pdf", extension: "pdf" };
const LEGACY_WORD: Accepted = { kind: "word", mediaType: "application/msword", extension: "doc" };
const LEGACY_EXCEL: Accepted = { kind: "excel", mediaType: "application/vnd.ms-excel", extension: "xls" };

const refuse = (reason: DocumentRefusal): Inspection => ({ ok: false, reason });
const accept = (found: Accepted): Inspection => ({ ok: true, ...found });

/**
 * What a type found by file-type may be and what must still be checked in the file: the PDF
 * header, a compound file's streams, a zip container's parts. null: refused as "verkeerd-type".
 */
export type Candidate =
  | { check: "none"; accepted: Accepted }
  | { check: "pdf-header"; accepted: Accepted }
  | { check: "compound-file" }
  | { check: "ooxml"; accepted: Accepted }
  | { check: "opendocument"; accepted: Accepted };

export function candidateFor(mime: string): Candidate | null {
  if (mime === "application/pdf") return { check: "pdf-header", accepted: PDF };
  if (mime === "application/x-cfb") return { check: "compound-file" };
  const image = IMAGES[mime];
  if (image) return { check: "none", accepted: image };
  const ooxml = OOXML[mime];
  if (ooxml) return { check: "ooxml", accepted: ooxml };
  const odf = OPENDOCUMENT[mime];
  if (odf) return { check: "opendocument", accepted: odf };
  return null;
}

export async function inspectFile(filePath: string): Promise<Inspection> {
  const { size } = await stat(filePath);
  if (size === 0) return refuse("leeg");

  let detected: { mime: string } | undefined;
  try {
    detected = await fileTypeFromFile(filePath);
  } catch {
    // file-type gives up on structures past its own limits (a zip whose headers run on and on).
    return refuse("onveilig");
  }
  const candidate = detected ? candidateFor(detected.mime) : null;
  if (!candidate) return refuse("verkeerd-type");

  switch (candidate.check) {
    case "none":
      return accept(candidate.accepted);
    case "pdf-header":
      return (await startsWith(filePath, "%PDF-")) ? accept(candidate.accepted) : refuse("verkeerd-type");
    case "compound-file": {
      const kind = await compoundFileKind(filePath, size);
      return kind === "word" ? accept(LEGACY_WORD) : kind === "excel" ? accept(LEGACY_EXCEL) : refuse("verkeerd-type");
    }
    case "ooxml":
    case "opendocument": {
      const zip = await checkZip(filePath, size);
      if (!zip.ok) return refuse(zip.reason);
      if (candidate.check === "ooxml") return zip.names.has("[Content_Types].xml") ? accept(candidate.accepted) : refuse("verkeerd-type");
      // ODF: file-type read the mimetype entry through the local headers; the entry that the
      // central directory names must say the same.
      return zip.mimetype === candidate.accepted.mediaType ? accept(candidate.accepted) : refuse("verkeerd-type");
    }
  }
}

async function startsWith(filePath: string, text: string): Promise<boolean> {
  const expected = Buffer.from(text, "latin1");
  const handle = await open(filePath, "r");
  try {
    const head = Buffer.alloc(expected.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(expected);
  } finally {
    await handle.close();
  }
}

// --- File names ------------------------------------------------------------------------------

/** The longest stored file name, extension included. */
export const MAX_FILE_NAME_LENGTH = 120;

// C0 controls, DEL and C1 controls; the bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) and marks (U+200E, U+200F, U+061C), with which "invoice\u202Efdp.exe" shows as
// "invoiceexe.pdf".
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// Characters Windows does not allow in a file name (the download's name is the user's to save).
const RESERVED = /[<>:"|?*]/g;
// The extension the name claims: short, letters and digits only ("report.v2 final" keeps its dot).
const CLAIMED_EXTENSION = /\.[a-z0-9]{1,10}$/i;

/**
 * The name a file is stored and served under: the base name only (no folders, / or \), without
 * control characters or bidi tricks, NFC, whitespace collapsed, no leading dots, at most
 * MAX_FILE_NAME_LENGTH characters, and the extension of the type found in the content instead of
 * the one it claimed. "document.<extension>" when nothing is left.
 */
export function sanitizeFileName(name: string, extension: string): string {
  const ext = extension.replace(/^\.+/, "").toLowerCase();
  const base = name.split(/[/\\]/).pop() ?? "";
  let cleaned = base
    .normalize("NFC")
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, " ")
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(CLAIMED_EXTENSION, "")
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const room = MAX_FILE_NAME_LENGTH - ext.length - 1;
  // By code points, so that a cut never splits a surrogate pair.
  const characters = Array.from(cleaned);
  if (characters.length > room)
    cleaned = characters
      .slice(0, room)
      .join("")
      .replace(/[.\s]+$/, "");
  return `${cleaned || "document"}.${ext}`;
}

// --- Zip containers ---------------------------------------------------------------------------

type ZipCheck = { ok: true; names: Set<string>; mimetype: string | undefined } | { ok: false; reason: "onveilig" };

class UnsafeZip extends Error {}

async function checkZip(filePath: string, fileSize: number): Promise<ZipCheck> {
  let zip: ZipFile | undefined;
  let handle: FileHandle | undefined;
  try {
    // strictFileNames: a backslash in a name is an error instead of quietly becoming a "/";
    // yauzl itself refuses absolute names and names with "..".
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(filePath, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, opened) =>
        error ? reject(error) : resolve(opened),
      ),
    );
    if (zip.entryCount > MAX_ZIP_ENTRIES) return { ok: false, reason: "onveilig" };
    const entries = await readEntries(zip);
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > MAX_UNPACKED_BYTES) return { ok: false, reason: "onveilig" };
    if (declared > ZIP_RATIO_FLOOR && declared / fileSize > MAX_ZIP_RATIO) return { ok: false, reason: "onveilig" };

    let mimetype: string | undefined;
    handle = await open(filePath, "r");
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      if (entry.isEncrypted()) throw new UnsafeZip("encrypted entry");
      if (entry.compressionMethod === 0) {
        // Stored: the bytes are the content, and yauzl has compared both sizes already.
        if (entry.fileName === "mimetype") mimetype = await readStored(zip, handle, entry);
      } else if (entry.compressionMethod !== 8) {
        throw new UnsafeZip(`compression method ${entry.compressionMethod}`);
      } else if (entry.uncompressedSize <= SMALL_ENTRY_BYTES && entry.compressedSize <= SMALL_ENTRY_BYTES + 64 * 1024) {
        // Most parts of a document are small: read raw and inflated in one synchronous call, never
        // past the declared size (a stream, or the thread pool, per entry costs 0.2 to 0.5 ms: up
        // to 5 s for 10 000 entries; this costs 0.01 ms).
        const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
        const raw = await readExactly(handle, fileDataStart, entry.compressedSize);
        const content = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
        if (content.length !== entry.uncompressedSize) throw new UnsafeZip("entry size differs from its header");
        if (entry.fileName === "mimetype") mimetype = content.toString("latin1");
      } else {
        // Large parts are inflated as a stream into nothing; yauzl fails the stream the moment it
        // yields more than declared.
        await pipeline(
          await zip.openReadStreamPromise(entry),
          new Writable({
            write(_chunk: Buffer, _encoding, done) {
              done();
            },
          }),
        );
      }
    }
    return { ok: true, names: new Set(entries.map((entry) => entry.fileName)), mimetype };
  } catch {
    // A broken archive, an unsafe name, an entry larger than declared, an encrypted entry, the cap.
    return { ok: false, reason: "onveilig" };
  } finally {
    zip?.close();
    await handle?.close();
  }
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      if (!isSafeEntryName(entry.fileName)) return reject(new UnsafeZip(`unsafe name ${entry.fileName}`));
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** yauzl checks this too; kept here so that the rule does not hang on a library option. */
function isSafeEntryName(name: string): boolean {
  if (name === "" || name.startsWith("/") || name.includes("\\") || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split("/").includes("..");
}

async function readStored(zip: ZipFile, handle: FileHandle, entry: Entry): Promise<string> {
  if (entry.compressedSize > 100) throw new UnsafeZip("mimetype too long");
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  return (await readExactly(handle, fileDataStart, entry.compressedSize)).toString("latin1");
}

// --- OLE compound files (legacy .doc, .xls) ----------------------------------------------------

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
// Enough for any real document's directory (4 entries per 512-byte sector); a loop or a forged
// chain stops here.
const MAX_DIRECTORY_SECTORS = 4096;

/** Word or Excel by the streams in the compound file's root storage; null for anything else or a broken file. */
async function compoundFileKind(filePath: string, fileSize: number): Promise<"word" | "excel" | null> {
  const handle = await open(filePath, "r");
  try {
    const names = await rootStreamNames(handle, fileSize);
    if (!names) return null;
    if (names.has("WordDocument")) return "word";
    if (names.has("Workbook") || names.has("Book")) return "excel";
    return null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new Error("file shorter than its structure");
  return buffer;
}

async function rootStreamNames(handle: FileHandle, fileSize: number): Promise<Set<string> | null> {
  const header = await readExactly(handle, 0, 512);
  if (!header.subarray(0, 8).equals(CFB_SIGNATURE)) return null;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorCount = Math.floor(fileSize / sectorSize);
  const fatSectorCount = header.readUInt32LE(0x2c);
  if (fatSectorCount > sectorCount) return null;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let index = 0; index < 109 && fatSectors.length < fatSectorCount; index++) fatSectors.push(header.readUInt32LE(0x4c + index * 4));
  let difat = header.readUInt32LE(0x44);
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    if (difat >= sectorCount || hops > sectorCount) return null;
    const sector = await readExactly(handle, (difat + 1) * sectorSize, sectorSize);
    for (let index = 0; index < perSector - 1 && fatSectors.length < fatSectorCount; index++) fatSectors.push(sector.readUInt32LE(index * 4));
    difat = sector.readUInt32LE((perSector - 1) * 4);
  }

  const next = async (sector: number): Promise<number> => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || fatSector >= sectorCount) throw new Error("sector outside the FAT");
    return (await readExactly(handle, (fatSector + 1) * sectorSize + (sector % perSector) * 4, 4)).readUInt32LE(0);
  };

  // The directory: a chain of sectors of 128-byte entries.
  type DirectoryEntry = { name: string; type: number; left: number; right: number; child: number };
  const directory: DirectoryEntry[] = [];
  const seen = new Set<number>();
  for (let sector = header.readUInt32LE(0x30); sector !== END_OF_CHAIN; sector = await next(sector)) {
    if (sector >= sectorCount || seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS) return null;
    seen.add(sector);
    const data = await readExactly(handle, (sector + 1) * sectorSize, sectorSize);
    for (let offset = 0; offset < sectorSize; offset += 128) {
      const nameLength = Math.min(data.readUInt16LE(offset + 64), 64);
      directory.push({
        name: data.toString("utf16le", offset, offset + Math.max(nameLength - 2, 0)),
        type: data.readUInt8(offset + 66),
        left: data.readUInt32LE(offset + 68),
        right: data.readUInt32LE(offset + 72),
        child: data.readUInt32LE(offset + 76),
      });
    }
  }

  // The root storage's children form a tree through left and right siblings.
  const root = directory[0];
  if (!root || root.type !== 5) return null;
  const names = new Set<string>();
  const visited = new Set<number>();
  const pending = [root.child];
  while (pending.length) {
    const id = pending.pop()!;
    if (id === NO_STREAM || visited.has(id)) continue;
    const entry = directory[id];
    if (!entry) return null;
    visited.add(id);
    if (entry.type === 2) names.add(entry.name);
    pending.push(entry.left, entry.right);
  }
  return names;
}
