// The file store's contract, the same for the folder (DATA_DIR/documenten) and for an S3 bucket on
// a real S3-compatible server on loopback (s3rver): streamed round trips, missing files, idempotent
// deletes, listing, a put that fails halfway leaves nothing, and keys that could leave the store
// are refused.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileStore, localFileStore, newStorageKey, s3FileStore, StoredFileMissingError } from "@/lib/documenten/store";
import { startS3Server, type TestS3Server } from "@/tests/support/s3-server";

const MB = 1024 * 1024;

/** size bytes of random data, in chunks of 64 KiB, made as they are read; and their sha256. */
function randomFile(size: number, options: { failAfter?: number } = {}): { stream: Readable; sha256: Promise<string> } {
  const hash = createHash("sha256");
  let sent = 0;
  let resolveHash: (value: string) => void;
  const sha256 = new Promise<string>((resolve) => (resolveHash = resolve));
  const stream = new Readable({
    read() {
      if (options.failAfter !== undefined && sent >= options.failAfter) {
        this.destroy(new Error("verbinding verbroken"));
        return;
      }
      if (sent >= size) {
        resolveHash(hash.digest("hex"));
        this.push(null);
        return;
      }
      const chunk = randomBytes(Math.min(64 * 1024, size - sent));
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256 };
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function keysOf(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const entry of store.list()) keys.push(entry.key);
  return keys.sort();
}

/** Every file below dir, temporary ones too. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

type Subject = { name: string; store: () => FileStore; leftovers: () => string[] };

let folder: string;
let s3: TestS3Server;
let s3Store: FileStore;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "documenten-"));
  s3 = await startS3Server();
  s3Store = s3FileStore(s3.config);
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await s3?.stop();
});

const subjects: Subject[] = [
  { name: "lokaal", store: () => localFileStore(folder), leftovers: () => filesBelow(folder) },
  { name: "s3", store: () => s3Store, leftovers: () => [] },
];

describe.each(subjects)("the file store ($name)", (subject) => {
  it("streams a 12 MB file in and out unchanged, and lists it with its size", async () => {
    const store = subject.store();
    const key = newStorageKey("gemeente-delft");
    const file = randomFile(12 * MB);
    await store.put(key, file.stream, { size: 12 * MB, mediaType: "application/pdf" });
    expect(await sha256Of(await store.get(key))).toBe(await file.sha256);

    const listed = [];
    for await (const entry of store.list()) if (entry.key === key) listed.push(entry);
    expect(listed).toEqual([{ key, size: 12 * MB, lastModified: expect.any(Date) }]);
    expect(Math.abs(listed[0]!.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
    await store.delete(key);
  });

  it("keeps a small file (below one multipart part) too", async () => {
    const store = subject.store();
    const key = newStorageKey("gemeente-delft");
    await store.put(key, Readable.from([Buffer.from("%PDF-1.7\n"), Buffer.from("klein")]), { size: 14, mediaType: "application/pdf" });
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("%PDF-1.7\nklein");
    await store.delete(key);
  });

  it("throws StoredFileMissingError for a key that is not there", async () => {
    await expect(subject.store().get("gemeente-delft/bestaat-niet")).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it("deletes idempotently: a second delete, and a delete of a key never stored, succeed", async () => {
    const store = subject.store();
    const key = newStorageKey("gemeente-delft");
    await store.put(key, Readable.from([Buffer.from("weg")]), { size: 3, mediaType: "text/plain" });
    await store.delete(key);
    await store.delete(key);
    await store.delete("gemeente-delft/nooit-opgeslagen");
    await expect(store.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    expect(await keysOf(store)).not.toContain(key);
  });

  it("lists every stored key", async () => {
    const store = subject.store();
    const keys = [newStorageKey("gemeente-a"), newStorageKey("gemeente-a"), newStorageKey("gemeente-b")];
    for (const key of keys) await store.put(key, Readable.from([Buffer.from(key)]), { size: key.length, mediaType: "text/plain" });
    expect(await keysOf(store)).toEqual([...keys].sort());
    for (const key of keys) await store.delete(key);
    expect(await keysOf(store)).toEqual([]);
  });

  it("leaves nothing when the source fails halfway: no object, no temporary file", async () => {
    const store = subject.store();
    // 8 MB of 12: past the first 5 MB part of a multipart upload.
    const key = newStorageKey("gemeente-delft");
    const file = randomFile(12 * MB, { failAfter: 8 * MB });
    await expect(store.put(key, file.stream, { size: 12 * MB, mediaType: "application/pdf" })).rejects.toThrow("verbinding verbroken");
    await expect(store.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
    expect(await keysOf(store)).toEqual([]);
    expect(subject.leftovers()).toEqual([]);

    // And when it fails before the first part is complete.
    const early = newStorageKey("gemeente-delft");
    await expect(store.put(early, randomFile(12 * MB, { failAfter: 1 * MB }).stream, { size: 12 * MB, mediaType: "application/pdf" })).rejects.toThrow(
      "verbinding verbroken",
    );
    expect(await keysOf(store)).toEqual([]);
    expect(subject.leftovers()).toEqual([]);
  });

  it("leaves nothing, and throws, when the source fails at once, before the store reads it", async () => {
    const store = subject.store();
    const failing = new Readable({ read() {} });
    process.nextTick(() => failing.destroy(new Error("verbinding verbroken")));
    await expect(store.put(newStorageKey("gemeente-delft"), failing, { size: 10, mediaType: "application/pdf" })).rejects.toThrow("verbinding verbroken");
    expect(await keysOf(store)).toEqual([]);
    expect(subject.leftovers()).toEqual([]);
  });

  it("leaves nothing when the source gives more or fewer bytes than announced", async () => {
    const store = subject.store();
    const short = newStorageKey("gemeente-delft");
    await expect(store.put(short, randomFile(6 * MB).stream, { size: 7 * MB, mediaType: "application/pdf" })).rejects.toThrow(/bytes in plaats van/);
    const long = newStorageKey("gemeente-delft");
    await expect(store.put(long, randomFile(6 * MB).stream, { size: 1 * MB, mediaType: "application/pdf" })).rejects.toThrow(/groter dan/);
    expect(await keysOf(store)).toEqual([]);
    expect(subject.leftovers()).toEqual([]);
  });

  it("refuses keys that could leave the store or hide as temporary files", async () => {
    const store = subject.store();
    for (const key of [
      "../buiten",
      "gemeente/../../buiten",
      "/etc/passwd",
      "gemeente//dubbel",
      "gemeente/.verborgen",
      "gemeente/naam met spatie",
      "gemeente\\windows",
      "",
      "gemeente/",
    ]) {
      await expect(store.put(key, Readable.from([Buffer.from("x")]), { size: 1, mediaType: "text/plain" }), key).rejects.toThrow(/Ongeldige opslagsleutel/);
      await expect(store.get(key), key).rejects.toThrow(/Ongeldige opslagsleutel/);
      await expect(store.delete(key), key).rejects.toThrow(/Ongeldige opslagsleutel/);
    }
    expect(await keysOf(store)).toEqual([]);
    expect(subject.leftovers()).toEqual([]);
    expect(readdirSync(path.dirname(folder)).filter((name) => name === "buiten")).toEqual([]);
  });
});
