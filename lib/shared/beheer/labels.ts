// Dutch names of audit actions and targets (the audit log page), of invitation states and of roles.
import type { Role } from "@/lib/generated/prisma/enums";

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "auth.ingelogd": "Ingelogd",
  "auth.inloggen-mislukt": "Inloggen mislukt",
  "auth.inlog-geblokkeerd": "Inloggen geblokkeerd (te veel pogingen)",
  "auth.inloggen-vertraagd": "Inloggen vertraagd (mislukte pogingen), niet gecontroleerd",
  "auth.ingelogd-tijdens-vertraging": "Ingelogd terwijl het account vertraagd was",
  "auth.uitgelogd": "Uitgelogd",
  "toegang.geweigerd": "Toegang geweigerd",
  "regio.aangemaakt": "Regio aangemaakt",
  "regio.hernoemd": "Regio hernoemd",
  "gemeente.aangemaakt": "Gemeente aangemaakt",
  "gemeente.hernoemd": "Gemeente hernoemd",
  "gebruiker.aangemaakt": "Gebruiker aangemaakt",
  "gebruiker.gewijzigd": "Gebruiker gewijzigd",
  "gebruiker.rol-toegekend": "Rol toegekend",
  "gebruiker.rol-ingetrokken": "Rol ingetrokken",
  "gebruiker.gedeactiveerd": "Gebruiker gedeactiveerd",
  "gebruiker.geactiveerd": "Gebruiker weer geactiveerd",
  "account.uitnodiging-gemaakt": "Uitnodigingslink gemaakt",
  "account.herstellink-gemaakt": "Wachtwoordherstellink gemaakt",
  "account.uitnodiging-gebruikt": "Uitnodiging gebruikt, wachtwoord ingesteld",
  "account.wachtwoord-hersteld": "Wachtwoord hersteld met link",
  "export.zelfscan": "Zelfscan geëxporteerd (antwoorden en geschiedenis)",
  "export.verbeterplan": "Verbeterplan geëxporteerd",
  "export.regio-overzicht": "Regionaal overzicht geëxporteerd",
  "auditlog.geexporteerd": "Auditlog geëxporteerd",
  "account.uitnodiging-aangevraagd": "Uitnodiging aangevraagd door projectleider",
  "account.uitnodiging-goedgekeurd": "Uitnodiging goedgekeurd",
  "account.uitnodiging-afgewezen": "Uitnodiging afgewezen",
};

/** What a project leader reads about an invitation they asked for: the same words whether or not the address had an account. */
export const INVITATION_STATUS_LABEL: Record<"OPEN" | "GOEDGEKEURD" | "AFGEWEZEN", string> = {
  OPEN: "Wacht op de beheerder",
  GOEDGEKEURD: "Goedgekeurd door de beheerder",
  AFGEWEZEN: "Afgewezen door de beheerder",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? action;
}

export const AUDIT_TARGET_LABEL: Record<string, string> = {
  User: "Gebruiker",
  Account: "Account",
  Regio: "Regio",
  Gemeente: "Gemeente",
  Zelfscan: "Zelfscan",
  Meetronde: "Meetronde",
  Session: "Sessie",
  Beheer: "Beheer",
  Verbeteractie: "Verbeteractie",
  RegionaleActie: "Regionale actie",
  FrameworkVersion: "Versie van het kwaliteitskader",
  AuditLog: "Auditlog",
  InvitationRequest: "Uitnodiging",
};

/** The roles, in the order the forms offer them, with their labels. */
export const ROLE_NAMES = ["BELEIDSMEDEWERKER", "PROJECTLEIDER", "BEHEERDER"] as const satisfies readonly Role[];
export type RoleName = (typeof ROLE_NAMES)[number];

export const ROLE_LABEL: Record<RoleName, string> = {
  BELEIDSMEDEWERKER: "Beleidsmedewerker",
  PROJECTLEIDER: "Regionaal projectleider",
  BEHEERDER: "Beheerder",
};
