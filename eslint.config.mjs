import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports no browser code may make, whatever their form.
const SERVER_ONLY_PATHS = [{ name: "server-only", message: "Components run in the browser too; server-only code stays in lib/ and app/." }];

/** What components may not import; `allowed` lists lib/ modules excepted for now. */
function componentPatterns(allowed = []) {
  const except = ["shared/", ...allowed].join("|");
  return [
    { group: ["@/lib/db/*", "@/lib/generated/*"], message: "Components never reach for the database or the generated Prisma client." },
    {
      regex: `^@/lib/(?!${except})`,
      allowTypeImports: true,
      message: "Components import from lib/ only the browser-safe @/lib/shared/** (type-only imports excepted).",
    },
    { regex: "^(\\.\\./)+(lib|app)/", message: "Import lib/ and app/ through @/, so that the boundary rules see it." },
    { regex: "^@/app/", allowTypeImports: true, message: "Components do not import from app/: server actions arrive as props." },
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Presentational components: of lib/ only the browser-safe lib/shared (a type may come from
    // anywhere, it does not run); never the database, the generated client or server-only code.
    // Server actions reach a component as props from app/, not as imports.
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: SERVER_ONLY_PATHS, patterns: componentPatterns() }] },
  },
  {
    // lib/shared is what the browser runs: it imports only lib/shared, zod/mini (and zod's core and
    // locales) and the Prisma enums; types may come from anywhere. No server-only, node:*, next/*,
    // Prisma client, React or classic zod.
    files: ["lib/shared/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!@/lib/shared/|@/lib/generated/prisma/enums$|zod/mini$|zod/v4/(core|locales/[a-z-]+\\.js)$|\\./)",
              allowTypeImports: true,
              message: "lib/shared runs in the browser: import only lib/shared, zod/mini and @/lib/generated/prisma/enums (types excepted).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "tmp/**",
    "lib/generated/**",
    "node_modules/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
