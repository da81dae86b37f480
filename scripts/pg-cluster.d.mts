export function postgresBinDir(): string | undefined;
export function freePort(): Promise<number>;
export function createCluster(): Promise<{ url: string; port: number; stop(): void; start(): void; destroy(): void }>;
