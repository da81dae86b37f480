export function isShuttingDown(): boolean;
export function beginShutdown(): void;
export function onShutdownBegin(name: string, fn: () => void | Promise<void>): void;
export function onShutdown(name: string, fn: (timeLeftMs: number) => Promise<void>): void;
export function runShutdownHooks(timeoutMs: number): Promise<"ok" | "timeout">;
export function shutdownPlan(times: { signalAt: number; drainMs: number; timeoutMs: number }): {
  deadline: number;
  drainEndsAt: number;
  cutAt: number;
  hookBudgetMs: number;
};
