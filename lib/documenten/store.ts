// Where the evidence documents' files are kept: a folder (DATA_DIR/documenten, the embedded Quick
// start) or an S3-compatible bucket (S3_ENDPOINT, production). Both are streamed: a file passes
// through in chunks and is never held whole in memory. A put either stores the whole file under its
// key or leaves nothing: the folder writes to a temporary name beside the file and renames it when
// complete; the bucket's multipart upload is aborted on failure. Keys are chosen by the app
// (newStorageKey), never by a user, and are refused when they could leave the store's folder.
import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, opendir, rename, rmdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { PassThrough, type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DeleteObjectCommand, GetObjectCommand, paginateListObjectsV2, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { env } from "@/lib/config/env";

export interface FileStore {
  readonly kind: "lokaal" | "s3";
  /** Streamed; on failure (the source errors, or gives another number of bytes than size) nothing is left. */
  put(key: string, body: Readable, info: { size: number; mediaType: string }): Promise<void>;
  /** Throws StoredFileMissingError when absent. */
  get(key: string): Promise<Readable>;
  /** Idempotent. */
  delete(key: string): Promise<void>;
  list(): AsyncIterable<{ key: string; lastModified: Date; size: number }>;
}

export type S3StoreConfig = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

export class StoredFileMissingError extends Error {
  constructor(readonly key: string) {
    super(`Het opgeslagen bestand ${key} bestaat niet.`);
  }
}

class StorageKeyError extends Error {}

/** A new key for a file of the gemeente's library; the gemeente first, so that its files stay together. */
export function newStorageKey(gemeenteId: string): string {
  return checkedKey(`${gemeenteId}/${randomUUID()}`);
}

const KEY_CHARACTERS = /^[A-Za-z0-9_\-/.]+$/;

/** Slash-separated segments of [A-Za-z0-9_-.], none empty and none starting with a dot (no "..", no temporary names). */
function checkedKey(key: string): string {
  const segments = key.split("/");
  if (!KEY_CHARACTERS.test(key) || key.length > 512 || segments.some((segment) => segment === "" || segment.startsWith("."))) {
    throw new StorageKeyError(`Ongeldige opslagsleutel: ${JSON.stringify(key)}`);
  }
  return key;
}

/** Passes the bytes through and fails the stream when their number is not the expected size. */
function sizeCheck(size: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > size ? new Error(`Het bestand is groter dan de opgegeven ${size} bytes.`) : null, chunk);
    },
    flush(done) {
      done(seen === size ? null : new Error(`Het bestand heeft ${seen} bytes in plaats van ${size}.`));
    },
  });
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

export function localFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const fileFor = (key: string) => path.join(root, ...checkedKey(key).split("/"));

  async function* walk(folder: string, prefix: string): AsyncGenerator<{ key: string; lastModified: Date; size: number }> {
    let entries;
    try {
      entries = await opendir(folder);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    for await (const entry of entries) {
      // Temporary files of puts in progress (or of a process that died during one) start with a dot.
      if (entry.name.startsWith(".")) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        yield* walk(file, `${prefix}${entry.name}/`);
      } else if (entry.isFile()) {
        const info = await stat(file).catch((error: unknown) => (isNotFound(error) ? null : Promise.reject(error)));
        if (info) yield { key: `${prefix}${entry.name}`, lastModified: info.mtime, size: info.size };
      }
    }
  }

  async function write(key: string, body: Readable, size: number) {
    const file = fileFor(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.deel`);
    const handle = await open(temporary, "wx", 0o600);
    try {
      // flush: the bytes are on disk (fsync) before the stream closes the file and the rename makes it visible.
      await pipeline(body, sizeCheck(size), handle.createWriteStream({ flush: true }));
      await rename(temporary, file);
    } catch (error) {
      await handle.close().catch(() => {});
      await unlink(temporary).catch(() => {});
      body.destroy();
      throw error;
    }
    // The rename itself survives a crash only once the folder is on disk too.
    const folder = await open(path.dirname(file), "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  return {
    kind: "lokaal",
    async put(key, body, info) {
      // The body may fail while the folder and the file are being opened, before the pipeline
      // listens: the pipeline then finds it errored; without a listener it would be uncaught.
      const early = () => {};
      body.on("error", early);
      try {
        await write(key, body, info.size);
      } catch (error) {
        body.destroy();
        throw error;
      } finally {
        body.off("error", early);
      }
    },
    async get(key) {
      try {
        const handle = await open(fileFor(key), "r");
        return handle.createReadStream();
      } catch (error) {
        if (isNotFound(error)) throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      const file = fileFor(key);
      await unlink(file).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
      // The gemeente's folder goes once it is empty; another put may have just filled it again.
      await rmdir(path.dirname(file)).catch(() => {});
    },
    list: () => walk(root, ""),
  };
}

/** The part size of a multipart upload: S3's minimum; with one part in flight an upload holds about 10 MB at most. */
const PART_SIZE = 5 * 1024 * 1024;

export function s3FileStore(config: S3StoreConfig): FileStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Since 3.729 the SDK adds a CRC checksum to every upload and checks one on every download
    // where it can. For a streamed body it does so with aws-chunked encoding and a trailer, which
    // servers that do not know it store as the object's bytes: s3rver (the tests' server) then
    // returns "c\r\nhallo wereld\r\n0\r\nx-amz-checksum-crc32:...", and older MinIO and Ceph
    // refuse or corrupt such requests alike. WHEN_REQUIRED sends and checks checksums only where the
    // S3 API demands one; TLS and the sha256 that DocumentVersie keeps protect the bytes.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const bucket = config.bucket;

  return {
    kind: "s3",
    async put(key, body, info) {
      checkedKey(key);
      const source = new PassThrough();
      const checked = pipeline(body, sizeCheck(info.size), source);
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: source, ContentType: info.mediaType },
        partSize: PART_SIZE,
        queueSize: 1,
        // On failure the multipart upload is aborted, its parts removed.
        leavePartsOnError: false,
      });
      const [copied, uploaded] = await Promise.allSettled([checked, upload.done()]);
      if (copied.status === "fulfilled" && uploaded.status === "fulfilled") return;
      source.destroy();
      // The upload completed although the source failed at its very end: the object holds what
      // must not be kept. Otherwise S3 never made an object of it (the multipart upload was
      // aborted), and an object stored earlier under the same key (a restore) stays as it was.
      if (uploaded.status === "fulfilled") await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => {});
      throw copied.status === "rejected" ? copied.reason : (uploaded as PromiseRejectedResult).reason;
    },
    async get(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkedKey(key) }));
        // In Node the body is the HTTP response itself, an IncomingMessage.
        return response.Body as Readable;
      } catch (error) {
        const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (failure.name === "NoSuchKey" || failure.$metadata?.httpStatusCode === 404) throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      // S3 answers 204 for a key that is not there too.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checkedKey(key) }));
    },
    async *list() {
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket })) {
        for (const object of page.Contents ?? []) {
          if (object.Key) yield { key: object.Key, lastModified: object.LastModified ?? new Date(0), size: object.Size ?? 0 };
        }
      }
    },
  };
}

/** The S3 settings from the environment, or null for the folder in DATA_DIR. */
function s3ConfigFromEnv(): S3StoreConfig | null {
  const settings = env();
  if (!settings.S3_ENDPOINT) return null;
  // parseEnv requires the bucket and both credentials with S3_ENDPOINT.
  return {
    endpoint: settings.S3_ENDPOINT,
    bucket: settings.S3_BUCKET!,
    region: settings.S3_REGION,
    accessKeyId: settings.S3_ACCESS_KEY_ID!,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
  };
}

let cached: FileStore | undefined;

/** The store the environment names: S3 with S3_ENDPOINT, else the folder DATA_DIR/documenten. */
export function fileStore(): FileStore {
  if (!cached) {
    const s3 = s3ConfigFromEnv();
    cached = s3 ? s3FileStore(s3) : localFileStore(path.join(env().DATA_DIR, "documenten"));
  }
  return cached;
}
