// The virus scan of an uploaded file, through clamd (the clamscan package, clamdscan over TCP:
// CLAMAV_HOST, CLAMAV_PORT). The file is streamed to clamd (INSTREAM) at the pace clamd reads it;
// nothing is held whole in memory.
// Without CLAMAV_HOST there is no scan ("niet-gescand"). Any failure to get a verdict — no
// connection, a timeout, an error from clamd (for instance a file above clamd's StreamMaxLength,
// which must be at least 26M for the 25 MB documents) — is "onbereikbaar": the caller refuses the
// file while CLAMAV_REQUIRED is true (virusScanRefusal).
import "server-only";
import { createReadStream } from "node:fs";
import { Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import NodeClam from "clamscan";
import { env } from "@/lib/config/env";
import { errorFields, log } from "@/lib/log";
import type { DocumentRefusal } from "@/lib/shared/documenten/documents";

export type VirusScan = { status: "schoon" } | { status: "niet-gescand" } | { status: "besmet"; signature: string } | { status: "onbereikbaar" };

export type VirusScanSettings = { host: string | undefined; port: number; timeoutMs?: number };

/** Connecting and scanning together may take this long before the scanner counts as unreachable. */
const SCAN_TIMEOUT_MS = 60_000;

function settingsFromEnv(): VirusScanSettings {
  const settings = env();
  return { host: settings.CLAMAV_HOST, port: settings.CLAMAV_PORT };
}

export async function scanFile(filePath: string, settings: VirusScanSettings = settingsFromEnv()): Promise<VirusScan> {
  if (!settings.host) return { status: "niet-gescand" };
  const timeoutMs = settings.timeoutMs ?? SCAN_TIMEOUT_MS;
  const file = createReadStream(filePath);
  const streams: Readable[] = [file];
  let timer: NodeJS.Timeout | undefined;
  try {
    const scan = async (): Promise<VirusScan> => {
      const scanner = await new NodeClam().init({
        preference: "clamdscan",
        clamscan: { active: false },
        // init() pings clamd first: an unreachable scanner fails there.
        clamdscan: { host: settings.host, port: settings.port, socket: false, timeout: timeoutMs, localFallback: false, bypassTest: false, active: true },
      });
      // passthrough(), not scanStream(): scanStream writes the file into the socket as fast as it
      // is read, ignoring backpressure (55 MB of buffers for a 25 MB file); passthrough pipes, so
      // the file is read only as fast as clamd takes it.
      const av = scanner.passthrough();
      streams.push(av);
      const result = await new Promise<{ isInfected: boolean | null; viruses: string[] }>((resolve, reject) => {
        av.once("scan-complete", resolve);
        av.once("error", reject);
        av.once("timeout", () => reject(new Error("clamd antwoordde niet op tijd")));
        pipeline(file, av, new Writable({ write: (_chunk, _encoding, done) => done() })).catch(reject);
      });
      if (result.isInfected === false) return { status: "schoon" };
      if (result.isInfected === true) return { status: "besmet", signature: result.viruses.join(", ") || "onbekend" };
      log.warn("document.scan-zonder-uitslag", { host: settings.host, port: settings.port });
      return { status: "onbereikbaar" };
    };
    // clamscan's own timeout covers connecting and an idle socket; this one the whole scan.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`geen uitslag van clamd binnen ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([scan(), deadline]);
  } catch (error) {
    log.warn("document.scanner-onbereikbaar", { host: settings.host, port: settings.port, ...errorFields(error) });
    return { status: "onbereikbaar" };
  } finally {
    clearTimeout(timer);
    for (const stream of streams) stream.destroy();
  }
}

/** The refusal a scan result means, given CLAMAV_REQUIRED; null when the file may be kept. */
export function virusScanRefusal(scan: VirusScan, required: boolean): DocumentRefusal | null {
  if (scan.status === "besmet") return "virus";
  if (scan.status === "onbereikbaar" && required) return "scanner-onbereikbaar";
  return null;
}
