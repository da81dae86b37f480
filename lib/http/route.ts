// Every route handler is wrapped in route(): an unexpected error becomes a Dutch JSON answer
// without details (503 while the database is unreachable, so that clients retry; 500 otherwise),
// and one structured log line.
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { errorFields, log } from "@/lib/log";
import { NO_STORE } from "./responses";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "De database is even niet bereikbaar. Wat u net invoerde is niet opgeslagen; het wordt opnieuw geprobeerd zodra de verbinding terug is.";

export function errorResponse(error: unknown, where: string): Response {
  if (isDatabaseUnavailable(error)) {
    log.warn("database.onbereikbaar", { where, ...errorFields(error) });
    return Response.json({ status: "unavailable", fout: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } });
  }
  log.error("request.fout", { where, ...errorFields(error) });
  return Response.json({ status: "error", fout: "Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder." }, { status: 500, headers: NO_STORE });
}

export function route<Args extends unknown[]>(where: string, handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, where);
    }
  };
}
