// Uploads with virus scanning through a real clamd (Debian's, started on loopback with the EICAR
// signature, tests/support/clamd.ts): an infected file is refused, a clean one stored, and while
// clamd cannot be reached every file is refused (CLAMAV_REQUIRED, the default). Its own file: the
// settings are read once per process (lib/config/env.ts).
import { mkdirSync, mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startClamd, EICAR_EMBEDDED_FOUND, type Clamd } from "../support/clamd";

const root = mkdtempSync(path.join(os.tmpdir(), "documents-virus-test-"));
const [dataDir, tempDir, fixtureDir] = ["data", "tmp", "fixtures"].map((name) => path.join(root, name)) as [string, string, string];
for (const dir of [dataDir, tempDir, fixtureDir]) mkdirSync(dir);
// clamd's own folder is not ours to check for leftovers: started before TMPDIR points at ours.
const clamd: Clamd = await startClamd();
process.env.DATA_DIR = dataDir;
process.env.TMPDIR = tempDir;
process.env.NEXTAUTH_SECRET = "documenten-virus-test-geheim-".padEnd(48, "x");
delete process.env.S3_ENDPOINT;
delete process.env.CLAMAV_REQUIRED;
process.env.CLAMAV_HOST = clamd.host;
process.env.CLAMAV_PORT = String(clamd.port);

vi.mock("next/headers", () => import("../support/route-requests").then((module) => module.nextHeaders));

import { POST as uploadRoute } from "@/app/api/zelfscans/[id]/antwoorden/[onderdeelId]/documenten/route";
import { createMeetronde, createRegio, createUser, createZelfscan, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { fixtures } from "../support/document-fixtures";
import { multipartRequest, signInForRoutes, useDatabaseForRoutes } from "../support/route-requests";
import { getFramework, CURRENT_FRAMEWORK_VERSION } from "@/lib/framework";
import { DOCUMENT_REFUSAL_MESSAGE } from "@/lib/shared/documenten/documents";

const ITEM = getFramework(CURRENT_FRAMEWORK_VERSION).onderdelen[0]!.id;

afterAll(async () => {
  await clamd.stop();
  await rm(root, { recursive: true, force: true });
});

// clamd is stopped by the last case of the second database's run: the embedded database first.
describe.each(DATABASE_KINDS)("virus scanning of uploads on the %s database", (kind) => {
  let db: TestDatabase;
  let scan: { id: string };
  let officer: { id: string };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    useDatabaseForRoutes(db);
    const regio = await createRegio(db.prisma, { gemeenten: 1 });
    const meetronde = await createMeetronde(db.prisma, { regio });
    scan = await createZelfscan(db.prisma, { gemeente: regio.gemeenten[0]!, meetronde });
    officer = await createUser(db.prisma, { grants: [officerOf(regio.gemeenten[0]!)] });
  });
  afterAll(async () => {
    await db.drop();
  });

  async function upload(file: string) {
    await signInForRoutes(db.prisma, officer);
    const request = await multipartRequest(`/api/zelfscans/${scan.id}/antwoorden/${ITEM}/documenten`, {
      fields: { title: "Verslag", ingangsdatum: "2026-02-01" },
      file,
    });
    const response = await uploadRoute(request, { params: Promise.resolve({ id: scan.id, onderdeelId: ITEM }) });
    return { status: response.status, body: (await response.json()) as { fieldErrors?: Record<string, string> } };
  }

  const lastRefusal = () => db.prisma.auditEntry.findFirst({ where: { action: "document.geweigerd" }, orderBy: { at: "desc" } });
  const nothingLeft = async () => {
    expect(await readdir(tempDir)).toEqual([]);
  };

  it("stores a clean file after clamd said so", async () => {
    const result = await upload(await fixtures.pdf(fixtureDir));
    expect(result.status).toBe(200);
    expect(await db.prisma.documentVersie.count()).toBe(1);
    await nothingLeft();
  });

  it("refuses a valid PDF that carries the EICAR string, naming the signature in the audit log (the bare EICAR file is no document at all)", async () => {
    const infected = await upload(await fixtures.eicarPdf(fixtureDir));
    expect(infected.status).toBe(422);
    expect(infected.body.fieldErrors).toEqual({ file: DOCUMENT_REFUSAL_MESSAGE.virus });
    expect((await lastRefusal())!.details).toMatchObject({ reason: "virus", signature: EICAR_EMBEDDED_FOUND });
    const bare = await upload(await fixtures.eicar(fixtureDir, "eicar.pdf"));
    expect(bare.body.fieldErrors).toEqual({ file: DOCUMENT_REFUSAL_MESSAGE["verkeerd-type"] });
    expect(await db.prisma.documentVersie.count()).toBe(1);
    await nothingLeft();
  });

  it.runIf(kind === DATABASE_KINDS.at(-1))("refuses every file while clamd cannot be reached and scanning is required", async () => {
    await clamd.stop();
    const result = await upload(await fixtures.pdf(fixtureDir, "schoon.pdf"));
    expect(result.status).toBe(422);
    expect(result.body.fieldErrors).toEqual({ file: DOCUMENT_REFUSAL_MESSAGE["scanner-onbereikbaar"] });
    expect((await lastRefusal())!.details).toMatchObject({ reason: "scanner-onbereikbaar" });
    expect(await db.prisma.documentVersie.count()).toBe(1);
    await nothingLeft();
  });
});
