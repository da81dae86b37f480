import { readinessResponse } from "@/lib/db/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The readiness check under its first name, for proxies and scripts configured before /api/health/ready.
export const GET = route("GET /api/health", readinessResponse);
