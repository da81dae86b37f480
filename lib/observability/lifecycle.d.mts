export function isShuttingDown(): boolean;
export function beginShutdown(): void;
export function onShutdown(name: string, fn: () => Promise<void>): void;
export function runShutdownHooks(timeoutMs: number): Promise<void>;
