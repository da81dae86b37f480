// GET /api/metrics: the process's metrics in Prometheus's text format, for a Prometheus server
// that sends METRICS_TOKEN as its bearer token. Without METRICS_TOKEN the address does not exist
// (404); a request without the token, or with another, gets 401 and a log line (never the token).
// Each instance answers for itself: Prometheus scrapes every instance, not the proxy.
import "server-only";
import { clientAddress } from "@/lib/auth/client-address";
import { log } from "@/lib/log";
import { NO_STORE, notFoundResponse } from "@/lib/http/responses";
import { metrics } from "./metrics.mjs";
import { carriesMetricsToken } from "./metrics-token";
import { setScrapeSources } from "./scrape-sources";

export async function metricsResponse(request: Request, token: string | undefined): Promise<Response> {
  if (!token) return notFoundResponse();
  const authorization = request.headers.get("authorization");
  if (!carriesMetricsToken(authorization, token)) {
    log.warn("metrics.geweigerd", { reden: authorization ? "onjuist-token" : "geen-token", ip: clientAddress(Object.fromEntries(request.headers)) });
    return Response.json(
      { fout: "Voor de metrieken is een geldig token nodig." },
      { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } },
    );
  }
  setScrapeSources();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { ...NO_STORE, "Content-Type": registry.contentType } });
}
