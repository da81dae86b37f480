// A freshly made invitation or reset link as the beheerder's page shows it, once (lib/beheer/account-links.ts).
export type MadeLink = { url: string; expiresAtText: string };
