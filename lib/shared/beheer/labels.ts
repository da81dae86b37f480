// Dutch names of audit targets (the audit log page; the actions' are in lib/shared/audit/actions.ts), of invitation states and of roles.
import type { Role } from "@/lib/generated/prisma/enums";

/** What a project leader reads about an invitation they asked for: the same words whether or not the address had an account. */
export const INVITATION_STATUS_LABEL: Record<"OPEN" | "GOEDGEKEURD" | "AFGEWEZEN", string> = {
  OPEN: "Wacht op de beheerder",
  GOEDGEKEURD: "Goedgekeurd door de beheerder",
  AFGEWEZEN: "Afgewezen door de beheerder",
};

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
export const ROLE_NAMES = ["BELEIDSMEDEWERKER", "PROJECTLEIDER", "LANDELIJK", "BEHEERDER"] as const satisfies readonly Role[];
export type RoleName = (typeof ROLE_NAMES)[number];

export const ROLE_LABEL: Record<RoleName, string> = {
  BELEIDSMEDEWERKER: "Beleidsmedewerker",
  PROJECTLEIDER: "Regionaal projectleider",
  LANDELIJK: "Landelijk programmateam",
  BEHEERDER: "Beheerder",
};
