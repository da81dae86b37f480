// An S3-compatible server on loopback for the tests (s3rver, objects kept in a temporary folder),
// with one bucket. s3rver knows one account, S3RVER/S3RVER, and checks the requests' signatures.
//
//   const s3 = await startS3Server();
//   const store = s3FileStore({ ...s3.config });     // or S3_ENDPOINT=s3.endpoint, S3_BUCKET=s3.bucket, ...
//   ...
//   await s3.stop();
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type TestS3Server = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The settings for s3FileStore (path style: s3rver's virtual hosts need DNS names). */
  config: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };
  /** The environment the app reads (lib/config/env.ts). */
  env: Record<string, string>;
  stop(): Promise<void>;
};

export async function startS3Server(options: { bucket?: string; port?: number } = {}): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), "s3rver-"));
  const bucket = options.bucket ?? "documenten";
  const server = new S3rver({
    address: "127.0.0.1",
    // 0: a free port, chosen by the system.
    port: options.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const config = { endpoint, bucket, region: "us-east-1", forcePathStyle: true, ...credentials };
  return {
    endpoint,
    bucket,
    ...credentials,
    config,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: config.region,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
