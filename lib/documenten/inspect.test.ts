import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_LENGTH, candidateFor, sanitizeFileName } from "@/lib/documenten/inspect";

describe("sanitizeFileName", () => {
  it("keeps only the base name of a Unix or Windows path", () => {
    expect(sanitizeFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("..\\..\\x.docx", "docx")).toBe("x.docx");
    expect(sanitizeFileName("C:\\Users\\jan\\Regiovisie.pdf", "pdf")).toBe("Regiovisie.pdf");
    expect(sanitizeFileName("/var/www/../index.html", "pdf")).toBe("index.pdf");
  });

  it("removes control characters (C0, DEL, C1) and turns line breaks and tabs into spaces", () => {
    expect(sanitizeFileName("regio\u0000visie\u0007.pdf", "pdf")).toBe("regiovisie.pdf");
    expect(sanitizeFileName("regio\u007fvisie\u0085\u009b.pdf", "pdf")).toBe("regiovisie.pdf");
    expect(sanitizeFileName("Regiovisie\r\n2023\t2026.pdf", "pdf")).toBe("Regiovisie 2023 2026.pdf");
  });

  it("removes bidi overrides, isolates and marks, so that the name shows what it is", () => {
    // Shows as "invoiceexe.pdf" in a right-to-left override.
    expect(sanitizeFileName("invoice\u202Efdp.exe", "pdf")).toBe("invoicefdp.pdf");
    expect(sanitizeFileName("\u2066report\u2069\u200f.docx", "docx")).toBe("report.docx");
    expect(sanitizeFileName("a\u202a\u202b\u202c\u202d\u202e\u2067\u2068b.pdf", "pdf")).toBe("ab.pdf");
  });

  it("replaces the claimed extension by the one found in the content", () => {
    expect(sanitizeFileName("factuur.exe", "pdf")).toBe("factuur.pdf");
    expect(sanitizeFileName("regiovisie.PDF", "pdf")).toBe("regiovisie.pdf");
    expect(sanitizeFileName("notulen", "docx")).toBe("notulen.docx");
    // A dot inside the name is no extension.
    expect(sanitizeFileName("Regiovisie v2.1 definitief", "pdf")).toBe("Regiovisie v2.1 definitief.pdf");
    expect(sanitizeFileName("scan", ".PNG")).toBe("scan.png");
  });

  it("NFC-normalises, collapses whitespace, drops leading dots and Windows' reserved characters", () => {
    expect(sanitizeFileName("Re\u0301gio.pdf", "pdf")).toBe("R\u00e9gio.pdf");
    expect(sanitizeFileName("  Regio    visie  .pdf", "pdf")).toBe("Regio visie.pdf");
    expect(sanitizeFileName("...verborgen.pdf", "pdf")).toBe("verborgen.pdf");
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf', "pdf")).toBe("a_b_c_d_e_f_g_h.pdf");
  });

  it("caps a long name at 120 characters, keeping the extension and whole characters", () => {
    const name = sanitizeFileName(`${"a".repeat(300)}.pdf`, "pdf");
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name).toBe(`${"a".repeat(116)}.pdf`);
    // Astral characters (two UTF-16 units each) are never cut in half.
    const emoji = sanitizeFileName(`${"\u{1F4C4}".repeat(200)}.docx`, "docx");
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith(".docx")).toBe(true);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("falls back to document.<extension> when nothing is left", () => {
    expect(sanitizeFileName("", "pdf")).toBe("document.pdf");
    expect(sanitizeFileName("   ", "pdf")).toBe("document.pdf");
    expect(sanitizeFileName("../", "pdf")).toBe("document.pdf");
    expect(sanitizeFileName("\u202e\u0000", "png")).toBe("document.png");
    expect(sanitizeFileName(".pdf", "pdf")).toBe("document.pdf");
    expect(sanitizeFileName("...", "xlsx")).toBe("document.xlsx");
  });
});

describe("candidateFor: the types file-type may report", () => {
  it.each([
    ["application/pdf", "pdf-header", "pdf", "pdf"],
    ["image/png", "none", "afbeelding", "png"],
    ["image/jpeg", "none", "afbeelding", "jpg"],
    ["image/gif", "none", "afbeelding", "gif"],
    ["image/webp", "none", "afbeelding", "webp"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ooxml", "word", "docx"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ooxml", "excel", "xlsx"],
    ["application/vnd.oasis.opendocument.text", "opendocument", "opendocument", "odt"],
    ["application/vnd.oasis.opendocument.spreadsheet", "opendocument", "opendocument", "ods"],
    ["application/vnd.oasis.opendocument.presentation", "opendocument", "opendocument", "odp"],
  ])("%s is a candidate (%s check), kind %s, extension %s", (mime, check, kind, extension) => {
    const candidate = candidateFor(mime);
    expect(candidate?.check).toBe(check);
    expect(candidate && "accepted" in candidate ? candidate.accepted : null).toEqual({ kind, mediaType: mime, extension });
  });

  it("leaves a compound file (legacy .doc, .xls, but also .msi, .msg, .ppt) to the check of its streams", () => {
    expect(candidateFor("application/x-cfb")).toEqual({ check: "compound-file" });
  });

  it.each([
    "text/html",
    "image/svg+xml",
    "application/xml",
    "application/x-msdownload",
    "application/x-elf",
    "application/x-sh",
    "application/zip",
    "application/gzip",
    "application/x-7z-compressed",
    "application/epub+zip",
    "application/vnd.ms-word.document.macroenabled.12",
    "application/vnd.ms-excel.sheet.macroenabled.12",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text-template",
    "application/postscript",
    "application/rtf",
    "image/tiff",
    "image/bmp",
    "image/avif",
    "image/heic",
    "video/mp4",
  ])("refuses %s", (mime) => {
    expect(candidateFor(mime)).toBeNull();
  });
});
