import type { IncomingMessage, ServerResponse } from "node:http";

export type RoutesManifest = { staticRoutes?: { page: string; regex: string }[]; dynamicRoutes?: { page: string; regex: string }[] };

export function createRouteMatcher(manifest: RoutesManifest | null): (pathname: string) => string;
export function observeRequest(request: IncomingMessage, response: ServerResponse): void;
