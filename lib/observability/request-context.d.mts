export function runWithRequestId<T>(id: string, fn: () => T): T;
export function currentRequestId(): string | undefined;
export function newRequestId(): string;
export function requestIdFor(incoming: string | string[] | undefined, hops: number): string;
