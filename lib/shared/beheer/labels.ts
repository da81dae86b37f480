// Dutch names of audit targets, for the audit log page (the actions' are in lib/shared/audit/actions.ts).
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
