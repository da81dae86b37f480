// The Prometheus metrics of this instance (lib/observability/metrics-endpoint.ts): only with
// METRICS_TOKEN set, and only for a request that carries it as its bearer token.
import { env } from "@/lib/config/env";
import { route } from "@/lib/http/route";
import { metricsResponse } from "@/lib/observability/metrics-endpoint";

export const dynamic = "force-dynamic";

export const GET = route("GET /api/metrics", (request: Request) => metricsResponse(request, env().METRICS_TOKEN));
