// Files for the document tests, written at test time into a folder the test owns (no binaries in
// git). Each function writes one file and answers its path:
//   const file = await fixtures.pdf(dir);                 // dir/regiovisie.pdf
//   const other = await fixtures.docx(dir, "x.docx");
// Valid documents: pdf, docx, xlsx, odt, png, doc and xls (legacy Word and Excel: OLE compound
// files with a WordDocument or Workbook stream). Hostile ones: htmlAsPdf, svgWithScript, exe (an MZ/PE header), plainZip
// (a zip that is no document, named .docx), zipBomb (1 GiB of zeros behind a [Content_Types].xml,
// named .docx, built streaming), lyingZipBomb (the same, but its central directory claims 1 KiB),
// zipTraversal (an entry named word/../../evil.xml), manyEntries (10 001 entries), msi (a compound file that is neither Word nor
// Excel), eicar (the EICAR test file), eicarPdf (a valid PDF carrying the EICAR string, which
// tests/support/clamd.ts's database also finds inside files), large (30 MB that starts as a PDF),
// empty.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { createDeflateRaw, crc32, deflateRawSync, deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import yazl from "yazl";

/** The EICAR anti-virus test file: harmless, and every scanner reports it. */
// In two pieces, so that this source file is no EICAR file to a scanner on a developer's machine.
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

const GIB = 1024 * 1024 * 1024;

// --- Valid documents ---------------------------------------------------------------------------

/** A small valid PDF of one page with a line of text, its xref offsets computed. */
async function pdf(dir: string, name = "regiovisie.pdf", text = "Regiovisie 2023-2026"): Promise<string> {
  return writeFixture(dir, name, pdfBytes(text));
}

function pdfBytes(text: string, comment = ""): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n${comment ? `% ${comment}\n` : ""}`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const CONTENT_TYPES_DOCX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  "</Types>";
const RELS_DOCX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";
const documentXml = (text: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`;

/** A minimal valid .docx: [Content_Types].xml, _rels/.rels, word/document.xml (Word opens it). */
async function docx(dir: string, name = "samenwerkingsafspraken.docx", text = "Samenwerkingsafspraken met Veilig Thuis"): Promise<string> {
  return writeZip(dir, name, (zip) => {
    zip.addBuffer(Buffer.from(CONTENT_TYPES_DOCX), "[Content_Types].xml");
    zip.addBuffer(Buffer.from(RELS_DOCX), "_rels/.rels");
    zip.addBuffer(Buffer.from(documentXml(text)), "word/document.xml");
  });
}

/** An .xlsx written by exceljs, one sheet. */
async function xlsx(dir: string, name = "inkoopvoorwaarden.xlsx"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Voorwaarden");
  sheet.addRow(["Onderdeel", "Voorwaarde"]);
  sheet.addRow([1, "De aanbieder werkt met de meldcode."]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

/** An .odt: mimetype first and stored, content.xml, META-INF/manifest.xml. */
async function odt(dir: string, name = "regiovisie.odt", text = "Regiovisie"): Promise<string> {
  return writeZip(dir, name, (zip) => {
    zip.addBuffer(Buffer.from(ODT_MIMETYPE), "mimetype", { compress: false });
    zip.addBuffer(
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
          '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
          `<office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`,
      ),
      "content.xml",
    );
    zip.addBuffer(
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
          '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
          `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MIMETYPE}"/>` +
          '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
          "</manifest:manifest>",
      ),
      "META-INF/manifest.xml",
    );
  });
}

/** A 16×16 PNG, one colour. */
async function png(dir: string, name = "organogram.png"): Promise<string> {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const width = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2b)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: width }, () => row)));
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return writeFixture(dir, name, bytes);
}

/** A legacy Word file as far as its type goes: an OLE compound file whose root holds a WordDocument stream. */
async function doc(dir: string, name = "notulen.doc"): Promise<string> {
  return writeFixture(dir, name, compoundFile(["WordDocument", "\u0001CompObj"]));
}

/** A legacy Excel file as far as its type goes: a compound file with a Workbook stream. */
async function xls(dir: string, name = "begroting.xls"): Promise<string> {
  return writeFixture(dir, name, compoundFile(["Workbook", "\u0005SummaryInformation"]));
}

// --- Hostile files -----------------------------------------------------------------------------

/** An HTML page with a script, named .pdf. */
async function htmlAsPdf(dir: string, name = "regiovisie.pdf"): Promise<string> {
  return writeFixture(dir, name, Buffer.from("<!doctype html><html><body><script>fetch('/api/sessie')</script><p>Regiovisie</p></body></html>"));
}

/** An SVG image that runs a script when opened from the app's origin. */
async function svgWithScript(dir: string, name = "logo.svg"): Promise<string> {
  return writeFixture(dir, name, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>'));
}

/** The start of a Windows executable (MZ header pointing at a PE header), named .pdf. */
async function exe(dir: string, name = "factuur.pdf"): Promise<string> {
  const bytes = Buffer.alloc(512);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  bytes.writeUInt16LE(0x14c, 0x84); // i386
  return writeFixture(dir, name, bytes);
}

/** A zip that is no document (no [Content_Types].xml, no mimetype), named .docx. */
async function plainZip(dir: string, name = "archief.docx"): Promise<string> {
  return writeZip(dir, name, (zip) => zip.addBuffer(Buffer.from("geen document"), "leesmij.txt"));
}

/**
 * A zip bomb disguised as .docx: a valid [Content_Types].xml, _rels and word/document.xml first
 * (so file-type calls it a Word file), then word/media/image1.png of `unpackedBytes` zeros
 * (1 GiB), deflated while it is written (fast compression: about 4.6 MB for 1 GiB, under a
 * second). Its headers tell the truth about the size.
 */
async function zipBomb(dir: string, name = "verslag.docx", unpackedBytes = GIB): Promise<string> {
  return writeBomb(path.join(dir, name), unpackedBytes, unpackedBytes);
}

/**
 * The same bomb, but its headers (central directory and data descriptor) claim 1 KiB unpacked: a
 * reader that trusts them sees a harmless small file.
 */
async function lyingZipBomb(dir: string, name = "verslag-klein.docx", unpackedBytes = GIB): Promise<string> {
  return writeBomb(path.join(dir, name), unpackedBytes, 1024);
}

/** A .docx with an entry named word/../../evil.xml (patched in: yazl refuses such names). */
async function zipTraversal(dir: string, name = "pad.docx"): Promise<string> {
  const file = await writeZip(dir, name, (zip) => {
    addDocxParts(zip);
    zip.addBuffer(Buffer.from("<x/>"), "word/XX/XX/evil.xml");
  });
  const handle = await open(file, "r+");
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(size);
    await handle.read(bytes, 0, size, 0);
    const from = Buffer.from("word/XX/XX/evil.xml");
    for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) await handle.write(Buffer.from("word/../../evil.xml"), 0, from.length, at);
  } finally {
    await handle.close();
  }
  return file;
}

/** A .docx with `count` (10 001) more entries of a byte each: more than a document has. */
async function manyEntries(dir: string, name = "veel.docx", count = 10_001): Promise<string> {
  return writeZip(dir, name, (zip) => {
    addDocxParts(zip);
    for (let index = 0; index < count; index++) zip.addBuffer(Buffer.from("x"), `word/media/${index}.xml`, { compress: false });
  });
}

/** An OLE compound file that is neither Word nor Excel (a Windows Installer package's streams), named .doc. */
async function msi(dir: string, name = "installatie.doc"): Promise<string> {
  return writeFixture(dir, name, compoundFile(["\u4840\u3f3f\u4577\u6c3e", "\u0005SummaryInformation"]));
}

/** The EICAR test file (68 bytes), named .pdf. */
async function eicar(dir: string, name = "eicar.pdf"): Promise<string> {
  return writeFixture(dir, name, Buffer.from(EICAR, "latin1"));
}

/** A valid PDF with the EICAR string in a comment: passes inspectFile, clamd (our database) finds it. */
async function eicarPdf(dir: string, name = "besmet.pdf"): Promise<string> {
  return writeFixture(dir, name, pdfBytes("Besmet", EICAR));
}

/** A file of `bytes` (30 MB) that starts as a PDF, written in 1 MiB pieces. */
async function large(dir: string, name = "groot.pdf", bytes = 30 * 1024 * 1024): Promise<string> {
  const file = path.join(dir, name);
  const head = pdfBytes("Groot");
  await pipeline(
    Readable.from(
      (function* () {
        yield head;
        yield* zeroChunks(bytes - head.length);
      })(),
    ),
    createWriteStream(file),
  );
  return file;
}

async function empty(dir: string, name = "leeg.pdf"): Promise<string> {
  return writeFixture(dir, name, Buffer.alloc(0));
}

export const fixtures = {
  pdf,
  docx,
  xlsx,
  odt,
  png,
  doc,
  xls,
  htmlAsPdf,
  svgWithScript,
  exe,
  plainZip,
  zipBomb,
  lyingZipBomb,
  zipTraversal,
  manyEntries,
  msi,
  eicar,
  eicarPdf,
  large,
  empty,
};

// --- Helpers -----------------------------------------------------------------------------------

async function writeFixture(dir: string, name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function writeZip(dir: string, name: string, fill: (zip: yazl.ZipFile) => void): Promise<string> {
  const file = path.join(dir, name);
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(file));
  fill(zip);
  zip.end();
  await written;
  return file;
}

function addDocxParts(zip: yazl.ZipFile) {
  zip.addBuffer(Buffer.from(CONTENT_TYPES_DOCX), "[Content_Types].xml");
  zip.addBuffer(Buffer.from(RELS_DOCX), "_rels/.rels");
  zip.addBuffer(Buffer.from(documentXml("Verslag")), "word/document.xml");
}

function* zeroChunks(bytes: number): Generator<Buffer> {
  const piece = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= piece.length) yield left >= piece.length ? piece : piece.subarray(0, left);
}

function zeros(bytes: number): Readable {
  return Readable.from(zeroChunks(bytes));
}

/**
 * The bomb, written by hand rather than with yazl: yazl computes the CRC-32 of 1 GiB in
 * JavaScript (6 s) and checks the sizes it writes. Deflated parts of a docx, then the zeros as one
 * entry with a data descriptor (sizes after the data), the central directory, its end.
 */
// 1 January 1980, the first day a zip can name.
const DOS_DATE = 0x21;

async function writeBomb(file: string, unpackedBytes: number, claimedBytes: number): Promise<string> {
  const out = createWriteStream(file);
  let offset = 0;
  const write = async (bytes: Buffer) => {
    offset += bytes.length;
    if (!out.write(bytes)) await once(out, "drain");
  };
  const central: Buffer[] = [];
  const entry = async (name: string, body: () => AsyncIterable<Buffer>, crc: number, claimed: number) => {
    const nameBytes = Buffer.from(name);
    const start = offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0808, 6); // data descriptor, UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt16LE(nameBytes.length, 26);
    await write(Buffer.concat([local, nameBytes]));
    let compressed = 0;
    for await (const piece of body()) {
      compressed += piece.length;
      await write(piece);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(claimed, 12);
    await write(descriptor);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0808, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed, 20);
    header.writeUInt32LE(claimed, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(start, 42);
    central.push(header, nameBytes);
  };
  const small = (name: string, text: string) => {
    const data = Buffer.from(text);
    return entry(
      name,
      async function* () {
        yield deflateRawSync(data);
      },
      crc32(data),
      data.length,
    );
  };
  await small("[Content_Types].xml", CONTENT_TYPES_DOCX);
  await small("_rels/.rels", RELS_DOCX);
  await small("word/document.xml", documentXml("Verslag"));
  let zerosCrc = 0;
  for (const piece of zeroChunks(unpackedBytes)) zerosCrc = crc32(piece, zerosCrc);
  await entry("word/media/image1.png", () => zeros(unpackedBytes).pipe(createDeflateRaw({ level: 1 })), zerosCrc, claimedBytes);
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(Buffer.concat([directory, end]));
  out.end();
  await finished(out);
  return file;
}

/**
 * An OLE compound file (CFB, version 3, 512-byte sectors) with empty streams of these names in its
 * root storage: the header, one FAT sector, one directory sector. Enough for a type check; the
 * streams hold nothing.
 */
function compoundFile(streamNames: string[]): Buffer {
  if (streamNames.length > 3) throw new Error("hoogstens 3 stromen");
  const END_OF_CHAIN = 0xfffffffe;
  const FREE = 0xffffffff;
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // first mini FAT sector
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // first DIFAT sector
  header.writeUInt32LE(0, 0x48);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let index = 1; index < 109; index++) header.writeUInt32LE(FREE, 0x4c + index * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(END_OF_CHAIN, 4); // sector 1: the directory, one sector

  const directory = Buffer.alloc(512);
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = index * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(FREE, at + 68); // left sibling
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(END_OF_CHAIN, at + 116); // starting sector
  };
  entry(0, "Root Entry", 5, streamNames.length ? 1 : FREE, FREE);
  // The root's children as a chain of right siblings (a valid, if unbalanced, red-black tree).
  streamNames.forEach((name, index) => entry(index + 1, name, 2, FREE, index + 1 < streamNames.length ? index + 2 : FREE));
  for (let index = streamNames.length + 1; index < 4; index++) {
    const at = index * 128;
    directory.writeUInt32LE(FREE, at + 68);
    directory.writeUInt32LE(FREE, at + 72);
    directory.writeUInt32LE(FREE, at + 76);
  }
  return Buffer.concat([header, fat, directory]);
}
