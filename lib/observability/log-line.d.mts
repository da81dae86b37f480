export function writeLogLine(level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>): void;
export function errorFields(error: unknown): Record<string, unknown>;
