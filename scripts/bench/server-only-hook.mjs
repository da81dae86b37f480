// The benchmarks import server modules outside Next.js. "server-only" throws outside React Server
// Components, so it becomes an empty module here; without the react-server condition (which would
// refuse react-dom/server), the PDF is rendered from the components as the route handlers do it.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
