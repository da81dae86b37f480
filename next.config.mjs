const API_FALLBACK_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "Cache-Control": "no-store",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets a second build (for example a benchmark) run beside the usual one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Answers Next.js gives itself under /api (404 for an unknown address, 405 for a method a handler
  // does not have) pass neither the proxy nor lib/http/route.ts; they get the same headers as the
  // route handlers' answers (dataHeaders in lib/http/security-headers.ts; a unit test compares them).
  // HSTS, which depends on APP_ENV at run time, comes from the pages and route handlers.
  async headers() {
    return [{ source: "/api/:path*", headers: Object.entries(API_FALLBACK_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  // Native and WebAssembly database drivers are loaded from node_modules at run time, not bundled;
  // prom-client too, so that server.mjs and the bundle load the same one (lib/observability/metrics.mjs).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "@node-rs/argon2", "prom-client"],
};

export default nextConfig;
