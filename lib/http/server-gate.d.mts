import type { IncomingHttpHeaders } from "node:http";

export const MAX_TRUSTED_HOPS: number;
export const MALFORMED_ADDRESS_MESSAGE: string;
export function parseTrustProxy(value: string | undefined): number | null;
export function normaliseAddress(value: unknown): string | null;
export function clientAddressFrom(input: { forwardedFor: string | string[] | undefined; socketAddress: string | undefined; hops: number }): string | null;
export function rewriteForwardingHeaders(headers: IncomingHttpHeaders, socketAddress: string | undefined, hops: number): void;
export function hasDecodablePath(url: string): boolean;
export function gateHeaders(production: boolean): Record<string, string>;
export function parseErrorAnswer(code: string | undefined, production: boolean): string;
