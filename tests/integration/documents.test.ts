// Evidence documents end to end below the browser: uploads through the real route handlers with
// real multipart bodies, the library, versions, downloads with their headers, the scope, hostile
// files, the quota, aborted uploads, deleting and carrying over. Files go to a local store in a
// DATA_DIR of this file's own, temporary files to a TMPDIR of its own, so that "nothing left" can
// be checked on disk.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const root = mkdtempSync(path.join(os.tmpdir(), "documents-test-"));
const dataDir = path.join(root, "data");
const tempDir = path.join(root, "tmp");
const fixtureDir = path.join(root, "fixtures");
for (const dir of [dataDir, tempDir, fixtureDir]) mkdirSync(dir);
process.env.DATA_DIR = dataDir;
process.env.TMPDIR = tempDir;
process.env.NEXTAUTH_SECRET = "documenten-test-geheim-".padEnd(48, "x");
delete process.env.CLAMAV_HOST;
delete process.env.S3_ENDPOINT;

vi.mock("next/headers", () => import("../support/route-requests").then((module) => module.nextHeaders));

import { POST as uploadRoute } from "@/app/api/zelfscans/[id]/antwoorden/[onderdeelId]/documenten/route";
import { POST as versionRoute } from "@/app/api/documenten/[documentId]/versies/route";
import { GET as scanDownloadRoute, HEAD as scanHeadRoute } from "@/app/zelfscans/[id]/documenten/[versieId]/route";
import { GET as libraryDownloadRoute } from "@/app/gemeenten/[slug]/documenten/[versieId]/route";
import { actorOf, BEHEERDER, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { fixtures } from "../support/document-fixtures";
import { brokenMultipartRequest, handMadeMultipartRequest, multipartRequest, signInForRoutes, useDatabaseForRoutes } from "../support/route-requests";
import { getAnswerDocuments, getDocumentLibrary, getDocumentsForScans } from "@/lib/documenten/queries";
import { deleteDocument, linkDocument, unlinkDocument, updateDocumentMeta } from "@/lib/documenten/mutations";
import { getFramework, CURRENT_FRAMEWORK_VERSION } from "@/lib/framework";
import {
  DOCUMENT_REFUSAL_MESSAGE,
  MAX_DOCUMENT_BYTES,
  documentDownloadHref,
  libraryDownloadHref,
  type DocumentRefusal,
  type DocumentView,
} from "@/lib/shared/documenten/documents";
import { startZelfscan } from "@/lib/zelfscan/mutations";

const onderdelen = getFramework(CURRENT_FRAMEWORK_VERSION).onderdelen.map((onderdeel) => onderdeel.id);
const [ITEM_1, ITEM_2, ITEM_10] = [onderdelen[0]!, onderdelen[1]!, onderdelen[9]!];
const storeDir = path.join(dataDir, "documenten");

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

/** Every stored file (the local store keeps them under DATA_DIR/documenten/<gemeente>/<uuid>). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storeDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const tempLeftovers = () => readdir(tempDir);

type Json = { status: string; data?: DocumentView; message?: string; fieldErrors?: Record<string, string> };

describe.each(DATABASE_KINDS)("evidence documents on the %s database", (kind) => {
  let db: TestDatabase;
  let world: Awaited<ReturnType<typeof makeWorld>>;

  async function makeWorld(prisma: TestDatabase["prisma"]) {
    const regio = await createRegio(prisma, { gemeenten: 2 });
    const other = await createRegio(prisma, { gemeenten: 1 });
    const [gemeente, neighbour] = regio.gemeenten as [(typeof regio.gemeenten)[number], (typeof regio.gemeenten)[number]];
    const meetronde = await createMeetronde(prisma, { regio, startsOn: new Date("2026-01-01T00:00:00Z") });
    const scan = await createZelfscan(prisma, { gemeente, meetronde, answers: 12 });
    const neighbourScan = await createZelfscan(prisma, { gemeente: neighbour, meetronde, answers: 3 });
    const officer = await createUser(prisma, { grants: [officerOf(gemeente)] });
    const neighbourOfficer = await createUser(prisma, { grants: [officerOf(neighbour)] });
    const leader = await createUser(prisma, { grants: [leaderOf(regio)] });
    const otherLeader = await createUser(prisma, { grants: [leaderOf(other)] });
    const beheerder = await createUser(prisma, { grants: [BEHEERDER] });
    return { regio, gemeente, neighbour, meetronde, scan, neighbourScan, officer, neighbourOfficer, leader, otherLeader, beheerder };
  }

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    useDatabaseForRoutes(db);
    world = await makeWorld(db.prisma);
  });
  afterAll(async () => {
    await db.drop();
  });

  async function upload(
    as: { id: string },
    input: { file: string; fileName?: string; title?: string; ingangsdatum?: string; scanId?: string; onderdeelId?: string },
  ) {
    await signInForRoutes(db.prisma, as);
    const zelfscanId = input.scanId ?? world.scan.id;
    const onderdeelId = input.onderdeelId ?? ITEM_1;
    const url = `/api/zelfscans/${zelfscanId}/antwoorden/${onderdeelId}/documenten`;
    const request = await multipartRequest(url, {
      fields: { title: input.title ?? "Regiovisie 2023-2026", ingangsdatum: input.ingangsdatum ?? "2023-03-01" },
      file: input.file,
      fileName: input.fileName,
    });
    const response = await uploadRoute(request, { params: Promise.resolve({ id: zelfscanId, onderdeelId }) });
    return { response, body: (await response.json()) as Json };
  }

  async function newVersion(as: { id: string }, documentId: string, file: string, fileName?: string) {
    await signInForRoutes(db.prisma, as);
    const request = await multipartRequest(`/api/documenten/${documentId}/versies`, { file, fileName });
    const response = await versionRoute(request, { params: Promise.resolve({ documentId }) });
    return { response, body: (await response.json()) as Json };
  }

  async function downloadFromScan(as: { id: string }, zelfscanId: string, versieId: string) {
    await signInForRoutes(db.prisma, as);
    return scanDownloadRoute(new Request(new URL(documentDownloadHref(zelfscanId, versieId), "http://localhost")), {
      params: Promise.resolve({ id: zelfscanId, versieId }),
    });
  }

  async function downloadFromLibrary(as: { id: string }, slug: string, versieId: string) {
    await signInForRoutes(db.prisma, as);
    return libraryDownloadRoute(new Request(new URL(libraryDownloadHref(slug, versieId), "http://localhost")), {
      params: Promise.resolve({ slug, versieId }),
    });
  }

  const audits = (action: string, targetId?: string) =>
    db.prisma.auditEntry.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { at: "asc" } });

  let pdfDocument: DocumentView;

  it("uploads a PDF and a .docx through the route: rows, the stored file, its hash, the audit entry, no temporary file", async () => {
    const pdf = await fixtures.pdf(fixtureDir);
    const { response, body } = await upload(world.officer, { file: pdf });
    expect(response.status).toBe(200);
    expect(body.status).toBe("ok");
    pdfDocument = body.data!;
    expect(pdfDocument).toMatchObject({ title: "Regiovisie 2023-2026", ingangsdatum: "2023-03-01" });
    expect(pdfDocument.versies).toHaveLength(1);
    expect(pdfDocument.versies[0]).toMatchObject({ nummer: 1, fileName: "regiovisie.pdf", mediaType: "application/pdf", size: (await stat(pdf)).size });

    const versie = await db.prisma.documentVersie.findUniqueOrThrow({ where: { id: pdfDocument.versies[0]!.id }, include: { document: true } });
    expect(versie.sha256).toBe(await sha256(pdf));
    expect(versie.document.gemeenteId).toBe(world.gemeente.id);
    expect(await readFile(path.join(storeDir, versie.storageKey))).toEqual(await readFile(pdf));
    const [entry] = await audits("document.geupload", pdfDocument.id);
    expect(entry).toMatchObject({ actorId: world.officer.id, gemeenteId: world.gemeente.id, regioId: world.regio.id });
    expect(entry!.details).toMatchObject({
      fileName: "regiovisie.pdf",
      size: versie.size,
      sha256: versie.sha256,
      zelfscanId: world.scan.id,
      onderdeelId: ITEM_1,
    });

    const docx = await fixtures.docx(fixtureDir);
    const second = await upload(world.officer, { file: docx, title: "Samenwerkingsafspraken Veilig Thuis", onderdeelId: ITEM_2 });
    expect(second.response.status).toBe(200);
    expect(second.body.data!.versies[0]).toMatchObject({
      fileName: "samenwerkingsafspraken.docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(await tempLeftovers()).toEqual([]);
  });

  it("reuses a library document on other onderdelen, and shows where it is used", async () => {
    const officer = actorOf(world.officer);
    for (const onderdeelId of [ITEM_2, ITEM_10]) {
      expect((await linkDocument(db.prisma, officer, { zelfscanId: world.scan.id, onderdeelId, documentId: pdfDocument.id })).status).toBe("ok");
    }
    // Linking twice changes nothing.
    expect((await linkDocument(db.prisma, officer, { zelfscanId: world.scan.id, onderdeelId: ITEM_2, documentId: pdfDocument.id })).status).toBe("ok");
    expect(await audits("document.gekoppeld", pdfDocument.id)).toHaveLength(2);

    const byOnderdeel = await getAnswerDocuments(db.prisma, officer, world.scan.id);
    expect(byOnderdeel.get(ITEM_1)!.map((document) => document.id)).toEqual([pdfDocument.id]);
    expect(byOnderdeel.get(ITEM_2)!.map((document) => document.title)).toEqual(["Samenwerkingsafspraken Veilig Thuis", "Regiovisie 2023-2026"]);
    expect(byOnderdeel.get(ITEM_10)!.map((document) => document.id)).toEqual([pdfDocument.id]);

    const library = await getDocumentLibrary(db.prisma, officer, world.gemeente.slug);
    const entry = library!.documents.find((document) => document.id === pdfDocument.id)!;
    expect(entry.usedIn.map((use) => use.onderdeelId).sort()).toEqual([ITEM_1, ITEM_2, ITEM_10].sort());
    expect(library!.storage.usedBytes).toBeGreaterThan(0);

    // The region's leader reads them in the scans (also many scans at once), not the library; others see nothing.
    const leader = actorOf(world.leader);
    expect((await getAnswerDocuments(db.prisma, leader, world.scan.id)).get(ITEM_10)).toHaveLength(1);
    expect(await getDocumentLibrary(db.prisma, leader, world.gemeente.slug)).toBeNull();
    const many = await getDocumentsForScans(db.prisma, leader, [world.scan.id, world.neighbourScan.id]);
    expect([...many.keys()]).toEqual([world.scan.id]);
    for (const outsider of [world.neighbourOfficer, world.otherLeader, world.beheerder]) {
      expect((await getAnswerDocuments(db.prisma, actorOf(outsider), world.scan.id)).size).toBe(0);
      expect(await getDocumentLibrary(db.prisma, actorOf(outsider), world.gemeente.slug)).toBeNull();
    }
    // A document of another gemeente cannot be linked.
    const neighbours = await getDocumentLibrary(db.prisma, actorOf(world.neighbourOfficer), world.neighbour.slug);
    expect(neighbours!.documents).toEqual([]);
    expect(
      (await linkDocument(db.prisma, actorOf(world.neighbourOfficer), { zelfscanId: world.neighbourScan.id, onderdeelId: ITEM_1, documentId: pdfDocument.id }))
        .status,
    ).toBe("not-found");
  });

  it("replaces the file with a new version and keeps the old one, downloadable", async () => {
    const replacement = await fixtures.pdf(fixtureDir, "regiovisie-herzien.pdf", "Regiovisie 2023-2026, herzien");
    const { response, body } = await newVersion(world.officer, pdfDocument.id, replacement);
    expect(response.status).toBe(200);
    expect(body.data!.versies.map((versie) => [versie.nummer, versie.fileName])).toEqual([
      [2, "regiovisie-herzien.pdf"],
      [1, "regiovisie.pdf"],
    ]);
    pdfDocument = body.data!;
    expect((await audits("document.nieuwe-versie", pdfDocument.id))[0]!.details).toMatchObject({ versie: 2, fileName: "regiovisie-herzien.pdf" });
    const old = await downloadFromScan(world.officer, world.scan.id, pdfDocument.versies[1]!.id);
    expect(old.status).toBe(200);
    expect(Buffer.from(await old.arrayBuffer())).toEqual(await readFile(path.join(fixtureDir, "regiovisie.pdf")));
    // Only the gemeente's officers add versions.
    for (const outsider of [world.leader, world.neighbourOfficer, world.beheerder]) {
      const refused = await newVersion(outsider, pdfDocument.id, replacement);
      expect(refused.response.status).toBe(404);
    }
    expect(await db.prisma.documentVersie.count({ where: { documentId: pdfDocument.id } })).toBe(2);
  });

  it("serves a download as an attachment with the exact headers, to the region's leader too, and audits it", async () => {
    const current = pdfDocument.versies[0]!;
    const response = await downloadFromScan(world.leader, world.scan.id, current.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="regiovisie-herzien.pdf"; filename*=UTF-8''regiovisie-herzien.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-length")).toBe(String(current.size));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(await readFile(path.join(fixtureDir, "regiovisie-herzien.pdf")));
    const [entry] = await audits("document.gedownload", current.id);
    expect(entry).toMatchObject({ actorId: world.leader.id, gemeenteId: world.gemeente.id });

    const fromLibrary = await downloadFromLibrary(world.officer, world.gemeente.slug, current.id);
    expect(fromLibrary.status).toBe(200);
    expect(fromLibrary.headers.get("content-security-policy")).toMatch(/^sandbox; /);
    await fromLibrary.body?.cancel();
  });

  it("answers HEAD on a download with 405, without opening the file or counting a download", async () => {
    const current = pdfDocument.versies[0]!;
    const before = (await audits("document.gedownload", current.id)).length;
    await signInForRoutes(db.prisma, world.leader);
    const response = await scanHeadRoute(new Request(new URL(documentDownloadHref(world.scan.id, current.id), "http://localhost"), { method: "HEAD" }), {
      params: Promise.resolve({ id: world.scan.id, versieId: current.id }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect((await audits("document.gedownload", current.id)).length).toBe(before);
  });

  it("answers 404 outside the scope, and audits the refusal", async () => {
    const current = pdfDocument.versies[0]!;
    for (const outsider of [world.neighbourOfficer, world.otherLeader, world.beheerder]) {
      const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", targetId: current.id, actorId: outsider.id } });
      expect((await downloadFromScan(outsider, world.scan.id, current.id)).status).toBe(404);
      expect((await downloadFromLibrary(outsider, world.gemeente.slug, current.id)).status).toBe(404);
      const refusals = await db.prisma.auditEntry.findMany({ where: { action: "toegang.geweigerd", targetId: current.id, actorId: outsider.id } });
      expect(refusals.length - before).toBe(2);
      expect(refusals[0]).toMatchObject({ targetType: "DocumentVersie", gemeenteId: world.gemeente.id, regioId: world.regio.id });
    }
    // Through a scan the document is not linked to: not found either, also for the gemeente's own officer.
    expect((await downloadFromScan(world.neighbourOfficer, world.neighbourScan.id, current.id)).status).toBe(404);
    expect((await downloadFromLibrary(world.officer, world.neighbour.slug, current.id)).status).toBe(404);
    // Uploads by anyone but the gemeente's officers: not found.
    const pdf = await fixtures.pdf(fixtureDir);
    for (const outsider of [world.leader, world.neighbourOfficer, world.otherLeader, world.beheerder]) {
      expect((await upload(outsider, { file: pdf })).response.status).toBe(404);
    }
  });

  describe("hostile files", () => {
    const cases: [string, (dir: string) => Promise<string>, DocumentRefusal][] = [
      ["an HTML file named .pdf", (dir) => fixtures.htmlAsPdf(dir), "verkeerd-type"],
      ["a zip bomb disguised as .docx", (dir) => fixtures.zipBomb(dir), "onveilig"],
      ["a zip bomb that lies about its size", (dir) => fixtures.lyingZipBomb(dir), "onveilig"],
      ["a file of 30 MB", (dir) => fixtures.large(dir), "te-groot"],
      ["a file one byte over 25 MB", (dir) => fixtures.large(dir, "net-te-groot.pdf", MAX_DOCUMENT_BYTES + 1), "te-groot"],
      ["an executable named .pdf", (dir) => fixtures.exe(dir), "verkeerd-type"],
      ["an SVG with a script", (dir) => fixtures.svgWithScript(dir), "verkeerd-type"],
      ["an empty file", (dir) => fixtures.empty(dir), "leeg"],
      ["an HTML file named ../../etc/passwd.pdf", (dir) => fixtures.htmlAsPdf(dir, "traversal.pdf"), "verkeerd-type"],
    ];
    it.each(cases)("refuses %s in Dutch, leaving no row, no stored file and no temporary file", async (label, make, reason) => {
      const file = await make(fixtureDir);
      const [documents, versies, files] = [await db.prisma.document.count(), await db.prisma.documentVersie.count(), await storedFiles()];
      const fileName = label.includes("../") ? "../../etc/passwd.pdf" : undefined;
      const { response, body } = await upload(world.officer, { file, fileName });
      expect(response.status).toBe(422);
      expect(body).toMatchObject({ status: "invalid", message: DOCUMENT_REFUSAL_MESSAGE[reason], fieldErrors: { file: DOCUMENT_REFUSAL_MESSAGE[reason] } });
      expect(await db.prisma.document.count()).toBe(documents);
      expect(await db.prisma.documentVersie.count()).toBe(versies);
      expect(await storedFiles()).toEqual(files);
      expect(await tempLeftovers()).toEqual([]);
      const refusal = (await audits("document.geweigerd")).at(-1)!;
      expect(refusal).toMatchObject({ actorId: world.officer.id, gemeenteId: world.gemeente.id, targetType: "Zelfscan", targetId: world.scan.id });
      expect(refusal.details).toMatchObject({ reason, onderdeelId: ITEM_1 });
      await rm(file);
    });

    it("accepts a file of exactly 25 MB, the largest allowed", async () => {
      const file = await fixtures.large(fixtureDir, "precies-25-mb.pdf", MAX_DOCUMENT_BYTES);
      const { response } = await upload(world.officer, { file });
      expect(response.status).toBe(200);
      expect(await db.prisma.documentVersie.findFirst({ where: { fileName: "precies-25-mb.pdf" }, select: { size: true } })).toEqual({
        size: MAX_DOCUMENT_BYTES,
      });
      await rm(file);
    });

    it("stores a document whose name is hostile under a clean name: no folders, no control characters, at most 120 characters", async () => {
      const pdf = await fixtures.pdf(fixtureDir, "gewoon.pdf");
      const names: [string, string][] = [
        ["../../../etc/passwd.pdf", "passwd.pdf"],
        ["..\\..\\boot.ini.pdf", "boot.ini.pdf"],
        [`${"lang".repeat(75)}.pdf`, `${"lang".repeat(75).slice(0, 116)}.pdf`],
      ];
      for (const [hostile, expected] of names) {
        const { response, body } = await upload(world.officer, { file: pdf, fileName: hostile, title: `Naam ${expected.slice(0, 20)}` });
        expect(response.status, `${hostile}: ${JSON.stringify(body)}`).toBe(200);
        expect(body.data!.versies[0]!.fileName, hostile).toBe(expected);
        const download = await downloadFromScan(world.officer, world.scan.id, body.data!.versies[0]!.id);
        expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${expected}"; filename*=UTF-8''${encodeURIComponent(expected)}`);
        await download.body?.cancel();
      }
      // Control characters and bidi tricks, sent percent-encoded in filename* (a browser's header could not carry them).
      await signInForRoutes(db.prisma, world.officer);
      const url = `/api/zelfscans/${world.scan.id}/antwoorden/${ITEM_1}/documenten`;
      const request = handMadeMultipartRequest(url, {
        fields: { title: "Stuurtekens", ingangsdatum: "2024-01-01" },
        disposition: `filename*=UTF-8''${encodeURIComponent("regio\u0000visie\u0007\u001b[31m\u202efdp.exe\u202c.pdf")}`,
        bytes: await readFile(pdf),
      });
      const response = await uploadRoute(request, { params: Promise.resolve({ id: world.scan.id, onderdeelId: ITEM_1 }) });
      const body = (await response.json()) as Json;
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.data!.versies[0]!.fileName).toBe("regiovisie[31mfdp.exe.pdf");

      // A raw control character in the part's header (as Chromium sends such a name) is refused for
      // the name, in Dutch; nothing of it is kept.
      const versies = await db.prisma.documentVersie.count();
      const nul = await upload(world.officer, { file: pdf, fileName: "regio\u0001visie.pdf" });
      expect(nul.response.status).toBe(422);
      expect(nul.body.fieldErrors).toEqual({ file: DOCUMENT_REFUSAL_MESSAGE.naam });
      expect((await audits("document.geweigerd")).at(-1)!.details).toMatchObject({ reason: "naam" });
      expect(await db.prisma.documentVersie.count()).toBe(versies);
      expect(await tempLeftovers()).toEqual([]);
    });
  });

  it("refuses what does not fit in the gemeente's quota, also when two uploads come at once", async () => {
    const quotaGemeente = world.neighbour;
    const officer = world.neighbourOfficer;
    const used = await db.prisma.documentVersie.aggregate({ where: { document: { gemeenteId: quotaGemeente.id } }, _sum: { size: true } });
    expect(used._sum.size ?? 0).toBe(0);
    await db.prisma.gemeente.update({ where: { id: quotaGemeente.id }, data: { documentQuotaMb: 1 } });
    const part = await fixtures.large(fixtureDir, "deel.pdf", 600 * 1024);
    const [one, two] = await Promise.all([
      upload(officer, { file: part, scanId: world.neighbourScan.id, title: "Deel een" }),
      upload(officer, { file: part, scanId: world.neighbourScan.id, title: "Deel twee" }),
    ]);
    expect([one.response.status, two.response.status].sort()).toEqual([200, 422]);
    const refused = one.response.status === 422 ? one : two;
    expect(refused.body.fieldErrors).toEqual({ file: DOCUMENT_REFUSAL_MESSAGE["quotum-vol"] });
    expect(await db.prisma.documentVersie.count({ where: { document: { gemeenteId: quotaGemeente.id } } })).toBe(1);
    expect((await storedFiles()).filter((file) => file.includes(quotaGemeente.id))).toHaveLength(1);
    const third = await upload(officer, { file: part, scanId: world.neighbourScan.id, title: "Deel drie" });
    expect(third.body.message).toBe(DOCUMENT_REFUSAL_MESSAGE["quotum-vol"]);
    expect((await audits("document.geweigerd")).at(-1)!.details).toMatchObject({ reason: "quotum-vol", size: 600 * 1024 });
    // More room: it fits.
    await db.prisma.gemeente.update({ where: { id: quotaGemeente.id }, data: { documentQuotaMb: 2 } });
    expect((await upload(officer, { file: part, scanId: world.neighbourScan.id, title: "Deel vier" })).response.status).toBe(200);
    expect(await tempLeftovers()).toEqual([]);
  });

  it.each(["stream-error", "abort"] as const)("leaves nothing of an upload whose connection drops halfway (%s)", async (how) => {
    const pdf = await readFile(await fixtures.large(fixtureDir, "half.pdf", 2 * 1024 * 1024));
    const [versies, files] = [await db.prisma.documentVersie.count(), await storedFiles()];
    await signInForRoutes(db.prisma, world.officer);
    const url = `/api/zelfscans/${world.scan.id}/antwoorden/${ITEM_1}/documenten`;
    const response = await uploadRoute(brokenMultipartRequest(url, { bytes: pdf, fileName: "half.pdf", how }), {
      params: Promise.resolve({ id: world.scan.id, onderdeelId: ITEM_1 }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Json).fieldErrors).toEqual({ file: DOCUMENT_REFUSAL_MESSAGE.afgebroken });
    expect(await db.prisma.documentVersie.count()).toBe(versies);
    expect(await storedFiles()).toEqual(files);
    expect(await tempLeftovers()).toEqual([]);
    expect((await audits("document.geweigerd")).at(-1)!.details).toMatchObject({ reason: "afgebroken" });
  });

  it("refuses uploads to a submitted scan (423) and keeps the fields' own messages", async () => {
    const pdf = await fixtures.pdf(fixtureDir);
    const noTitle = await upload(world.officer, { file: pdf, title: "  " });
    expect(noTitle.response.status).toBe(422);
    expect(noTitle.body.fieldErrors).toMatchObject({ title: "Geef het document een titel." });
    const badDate = await upload(world.officer, { file: pdf, ingangsdatum: "2023-02-31x" });
    expect(badDate.body.fieldErrors?.ingangsdatum).toBeTruthy();

    const submitted = await createZelfscan(db.prisma, {
      gemeente: world.gemeente,
      meetronde: await createMeetronde(db.prisma, { regio: world.regio, startsOn: new Date("2025-01-01T00:00:00Z") }),
      status: "INGEDIEND",
    });
    const locked = await upload(world.officer, { file: pdf, scanId: submitted.id });
    expect(locked.response.status).toBe(423);
    expect(await tempLeftovers()).toEqual([]);
  });

  it("changes a document's title and date, and deletes it only once no scan uses it: rows, then all its files", async () => {
    const officer = actorOf(world.officer);
    const changed = await updateDocumentMeta(db.prisma, officer, {
      documentId: pdfDocument.id,
      values: { title: "Regiovisie 2023-2027", ingangsdatum: "2023-04-01" },
    });
    expect(changed.status).toBe("ok");
    expect((await audits("document.gewijzigd", pdfDocument.id))[0]!.details).toMatchObject({
      van: { title: "Regiovisie 2023-2026" },
      naar: { title: "Regiovisie 2023-2027" },
    });
    expect(
      (await updateDocumentMeta(db.prisma, actorOf(world.leader), { documentId: pdfDocument.id, values: { title: "X", ingangsdatum: "2023-04-01" } })).status,
    ).toBe("not-found");

    const keys = (await db.prisma.documentVersie.findMany({ where: { documentId: pdfDocument.id } })).map((versie) => versie.storageKey);
    const inUse = await deleteDocument(db.prisma, officer, { documentId: pdfDocument.id });
    expect(inUse.status).toBe("locked");
    expect(inUse.status !== "ok" && inUse.message).toContain(`onderdeel ${ITEM_1}`);
    expect((await deleteDocument(db.prisma, actorOf(world.leader), { documentId: pdfDocument.id })).status).toBe("not-found");

    for (const onderdeelId of [ITEM_1, ITEM_2, ITEM_10]) {
      expect((await unlinkDocument(db.prisma, officer, { zelfscanId: world.scan.id, onderdeelId, documentId: pdfDocument.id })).status).toBe("ok");
    }
    expect(await audits("document.ontkoppeld", pdfDocument.id)).toHaveLength(3);
    expect((await deleteDocument(db.prisma, officer, { documentId: pdfDocument.id })).status).toBe("ok");
    expect(await db.prisma.document.findUnique({ where: { id: pdfDocument.id } })).toBeNull();
    expect(await db.prisma.documentVersie.count({ where: { documentId: pdfDocument.id } })).toBe(0);
    for (const key of keys) await expect(stat(path.join(storeDir, key))).rejects.toThrow();
    expect((await audits("document.verwijderd", pdfDocument.id))[0]!.details).toMatchObject({ versies: 2 });
  });

  it("carries the documents of the answers over to the next round's scan", async () => {
    const officer = actorOf(world.officer);
    const docx = (await getAnswerDocuments(db.prisma, officer, world.scan.id)).get(ITEM_2)!;
    expect(docx).toHaveLength(1);
    // A document on an onderdeel nobody answered yet goes along too.
    const answeredBefore = new Set(
      (await db.prisma.answer.findMany({ where: { zelfscanId: world.scan.id }, select: { onderdeelId: true } })).map((answer) => answer.onderdeelId),
    );
    const unanswered = onderdelen.find((id) => !answeredBefore.has(id))!;
    expect((await linkDocument(db.prisma, officer, { zelfscanId: world.scan.id, onderdeelId: unanswered, documentId: docx[0]!.id })).status).toBe("ok");
    const next = await createMeetronde(db.prisma, { regio: world.regio, startsOn: new Date("2027-01-01T00:00:00Z") });
    const started = await startZelfscan(db.prisma, officer, { gemeenteId: world.gemeente.id, meetrondeId: next.id, carryOver: true });
    expect(started.status).toBe("ok");
    const newScanId = started.status === "ok" ? started.data.zelfscanId : "";
    const carried = await getAnswerDocuments(db.prisma, officer, newScanId);
    expect(carried.get(ITEM_2)!.map((document) => document.id)).toEqual(docx.map((document) => document.id));
    // Every link goes along, also of an onderdeel that had a document but no answer yet.
    const linksOf = async (zelfscanId: string) =>
      (await db.prisma.answerDocument.findMany({ where: { zelfscanId }, select: { onderdeelId: true, documentId: true } }))
        .map((link) => `${link.onderdeelId}:${link.documentId}`)
        .sort();
    const answered = new Set(
      (await db.prisma.answer.findMany({ where: { zelfscanId: world.scan.id }, select: { onderdeelId: true } })).map((answer) => answer.onderdeelId),
    );
    expect((await linksOf(world.scan.id)).some((link) => !answered.has(link.split(":")[0]!))).toBe(true);
    expect(await linksOf(newScanId)).toEqual(await linksOf(world.scan.id));
    // The same library document, so the earlier round keeps its link too.
    expect((await getAnswerDocuments(db.prisma, officer, world.scan.id)).get(ITEM_2)).toHaveLength(1);
    const fresh = await startZelfscan(db.prisma, actorOf(world.neighbourOfficer), {
      gemeenteId: world.neighbour.id,
      meetrondeId: next.id,
      carryOver: false,
    });
    expect(fresh.status === "ok" && (await getAnswerDocuments(db.prisma, actorOf(world.neighbourOfficer), fresh.data.zelfscanId)).size).toBe(0);
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
