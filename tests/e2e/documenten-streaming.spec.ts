// A file of the largest accepted size through the running production server: Delft's officer uploads
// a 25 MB PDF through the answer's upload route and downloads it again, byte for byte; the download
// is an attachment with the stored type. `npm run bench -- documenten` measures the same path
// (throughput, and the server's memory staying flat).
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { MAX_DOCUMENT_BYTES } from "@/lib/shared/documenten/documents";
import { delftScanId } from "./support/demo-ids";
import { login } from "./support/login";

test("a 25 MB PDF goes through the upload route and comes back unchanged from the download route", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await login(page, "beleid@delft.example");
  const scanId = await delftScanId(page);

  // One byte below the limit (busboy marks a file that reaches its limit exactly as truncated).
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%", "latin1");
  const tail = Buffer.from("\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
  const file = Buffer.concat([head, randomBytes(MAX_DOCUMENT_BYTES - 1 - head.length - tail.length), tail]);
  const sha256 = createHash("sha256").update(file).digest("hex");

  // The last onderdeel of the framework ("10c"), which the other specs leave alone.
  const uploaded = await page.request.post(`/api/zelfscans/${scanId}/antwoorden/10c/documenten`, {
    headers: { origin: baseURL! },
    multipart: {
      title: "Streamingtest 25 MB",
      ingangsdatum: "2024-01-01",
      file: { name: "streamingtest.pdf", mimeType: "application/pdf", buffer: file },
    },
    timeout: 60_000,
  });
  expect(uploaded.status(), await uploaded.text()).toBe(200);
  const result = (await uploaded.json()) as { status: string; data: { versies: { id: string; size: number; mediaType: string }[] } };
  expect(result.status).toBe("ok");
  const versie = result.data.versies[0]!;
  expect(versie).toMatchObject({ size: file.length, mediaType: "application/pdf" });

  const downloaded = await page.request.get(`/zelfscans/${scanId}/documenten/${versie.id}`, { timeout: 60_000 });
  expect(downloaded.status()).toBe(200);
  expect(downloaded.headers()["content-type"]).toBe("application/pdf");
  expect(downloaded.headers()["content-disposition"]).toMatch(/^attachment;/);
  const body = await downloaded.body();
  expect(body.length).toBe(file.length);
  expect(createHash("sha256").update(body).digest("hex")).toBe(sha256);
});
