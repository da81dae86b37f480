export function writeLogLine(level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>): void;
export function errorFields(error: unknown, causeDepth?: number): Record<string, unknown>;
export function consoleLogLine(level: "error" | "warn", args: unknown[]): { level: "error" | "warn"; event: string; fields: Record<string, unknown> };
export function installConsoleRewrite(): void;
