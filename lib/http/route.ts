// Every route handler (the JSON API under /api and the CSV, JSON, PDF and Excel exports) is
// wrapped in route(). Route handlers do not pass through the proxy, which is for pages: the
// wrapper does for them what the proxy does for pages, once, for all of them:
// - it refuses addresses with control characters (400) and state-changing requests from another
//   website (403);
// - an unexpected error becomes a Dutch JSON answer without details (503 while the database is
//   unreachable, so that clients retry; 500 otherwise), and one structured log line;
// - every answer gets the security headers and a policy that lets nothing in it load or run, and
//   is never cached unless the handler says otherwise.
// Access is still checked by each handler itself.
import { env } from "@/lib/config/env";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { errorFields, log } from "@/lib/log";
import { currentRequestId } from "@/lib/observability/request-context.mjs";
import { hasControlCharacters, isMalformedAddress } from "./address";
import { isSameOrigin } from "./origin";
import { NO_STORE } from "./responses";
import { ATTACHMENT_POLICY, dataHeaders } from "./security-headers";

const DATABASE_UNAVAILABLE_MESSAGE =
  "De database is even niet bereikbaar. Wat u net invoerde is niet opgeslagen; het wordt opnieuw geprobeerd zodra de verbinding terug is.";

const SAFE_METHODS = ["GET", "HEAD", "OPTIONS"];

// The answer names the request's id (also in its X-Request-Id header and the log line), so that a
// client's report leads the beheerder to the failure in the log.
function errorResponse(error: unknown, where: string, requestId: string | undefined): Response {
  if (isDatabaseUnavailable(error)) {
    log.warn("database.onbereikbaar", { where, ...errorFields(error) });
    return Response.json(
      { status: "unavailable", fout: DATABASE_UNAVAILABLE_MESSAGE, requestId },
      { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } },
    );
  }
  log.error("request.fout", { where, ...errorFields(error) });
  return Response.json(
    { status: "error", fout: "Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.", requestId },
    { status: 500, headers: NO_STORE },
  );
}

/** The answer to a request no handler should see, or null. */
function refusal(request: Request): Response | null {
  if (hasControlCharacters(new URL(request.url)) || isMalformedAddress(request.url))
    return Response.json({ fout: "Het adres bevat ongeldige tekens." }, { status: 400 });
  if (!SAFE_METHODS.includes(request.method.toUpperCase()) && !isSameOrigin(request)) {
    return Response.json({ fout: "Verzoek van een andere website geweigerd." }, { status: 403 });
  }
  return null;
}

/** The answer with the headers every route handler's answer carries (a copy: a redirect's headers cannot be changed). */
function withDataHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(dataHeaders(env().APP_ENV === "production"))) {
    // A download's policy is stricter than the data policy (it adds the sandbox): it stays.
    if (name === "Content-Security-Policy" && headers.get(name) === ATTACHMENT_POLICY) continue;
    headers.set(name, value);
  }
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", NO_STORE["Cache-Control"]);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function route<Context>(
  where: string,
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    let response: Response;
    try {
      response = refusal(request) ?? (await handler(request, context));
    } catch (error) {
      response = errorResponse(error, where, currentRequestId() ?? request.headers.get("x-request-id") ?? undefined);
    }
    return withDataHeaders(response);
  };
}
