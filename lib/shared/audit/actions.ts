// Every audit action the application writes, each with its Dutch label for the beheerder's audit
// log (page and CSV). recordAudit (lib/audit/record.ts) takes only these names, so a mistyped
// action is a type error; lib/audit/actions.test.ts checks that the names written outside
// recordAudit (the answer write in SQL, the demo seed) are here too. The names are stored in the
// database: never rename one, add a new one instead (and keep the old one's label below).
export const AUDIT_ACTION_LABEL = {
  // Signing in, sessions, the second factor.
  "auth.ingelogd": "Ingelogd",
  "auth.inloggen-mislukt": "Inloggen mislukt",
  "auth.inloggen-vertraagd": "Inloggen vertraagd (mislukte pogingen), niet gecontroleerd",
  "auth.ingelogd-tijdens-vertraging": "Ingelogd terwijl het account vertraagd was",
  "auth.uitgelogd": "Uitgelogd",
  "auth.sessie-beeindigd": "Sessie beëindigd",
  "auth.wachtwoord-gewijzigd": "Wachtwoord gewijzigd",
  "auth.wachtwoord-wijzigen-mislukt": "Wachtwoord wijzigen mislukt (onjuist huidig wachtwoord)",
  "auth.tweede-factor-ingesteld": "Tweede factor ingesteld",
  "auth.tweede-factor-gebruikt": "Tweede factor gebruikt bij het inloggen",
  "auth.herstelcode-gebruikt": "Herstelcode gebruikt",
  "auth.herstelcodes-vernieuwd": "Herstelcodes vernieuwd",
  // Access refused by the scope of the acting user.
  "toegang.geweigerd": "Toegang geweigerd",
  // Accounts: invitations, reset links, linked identities.
  "account.uitnodiging-aangevraagd": "Uitnodiging aangevraagd door projectleider",
  "account.uitnodiging-goedgekeurd": "Uitnodiging goedgekeurd",
  "account.uitnodiging-afgewezen": "Uitnodiging afgewezen",
  "account.uitnodiging-gemaakt": "Uitnodigingslink gemaakt",
  "account.uitnodiging-gebruikt": "Uitnodiging gebruikt, wachtwoord ingesteld",
  "account.herstellink-gemaakt": "Wachtwoordherstellink gemaakt",
  "account.wachtwoord-hersteld": "Wachtwoord hersteld met link",
  "account.wachtwoord-vergeten": "Wachtwoord vergeten, nieuwe link gevraagd (uitkomst in de details)",
  "account.identiteit-gekoppeld": "Inloggen via identiteitsprovider gekoppeld",
  "account.identiteit-ontkoppeld": "Koppeling met identiteitsprovider verwijderd",
  "account.koppeling-geweigerd": "Koppeling met identiteitsprovider geweigerd",
  "account.beheerder-via-opdrachtregel": "Beheerder ingesteld via de opdrachtregel",
  // Beheer: users, organisation, identity providers, framework versions.
  "gebruiker.aangemaakt": "Gebruiker aangemaakt",
  "gebruiker.gewijzigd": "Gebruiker gewijzigd",
  "gebruiker.rol-toegekend": "Rol toegekend",
  "gebruiker.rol-ingetrokken": "Rol ingetrokken",
  "gebruiker.gedeactiveerd": "Gebruiker gedeactiveerd",
  "gebruiker.geactiveerd": "Gebruiker weer geactiveerd",
  "regio.aangemaakt": "Regio aangemaakt",
  "regio.hernoemd": "Regio hernoemd",
  "gemeente.aangemaakt": "Gemeente aangemaakt",
  "gemeente.hernoemd": "Gemeente hernoemd",
  "gemeente.coordinator-aangewezen": "Coördinator van de gemeente aangewezen",
  "gemeente.coordinator-ingetrokken": "Coördinator van de gemeente ingetrokken",
  // The learning network (lib/leernetwerk): the gemeente's own choice to share its good examples.
  "gemeente.voorbeelden-delen-aan": "Goede voorbeelden delen in het leernetwerk aangezet",
  "gemeente.voorbeelden-delen-uit": "Goede voorbeelden delen in het leernetwerk uitgezet",
  // The coordinator's colleagues (within their own gemeente).
  "collega.uitgenodigd": "Collega uitgenodigd door de coördinator",
  "collega.uitnodiging-vernieuwd": "Uitnodiging van een collega vernieuwd door de coördinator",
  "collega.gedeactiveerd": "Collega gedeactiveerd door de coördinator",
  "collega.rol-ingetrokken": "Rol van een collega in de gemeente ingetrokken door de coördinator",
  "beheer.identiteitsprovider-aangemaakt": "Identiteitsprovider aangemaakt",
  "beheer.identiteitsprovider-gewijzigd": "Identiteitsprovider gewijzigd",
  "beheer.identiteitsprovider-geactiveerd": "Identiteitsprovider geactiveerd",
  "beheer.identiteitsprovider-gedeactiveerd": "Identiteitsprovider gedeactiveerd",
  "kaderversie.geladen": "Versie van het kwaliteitskader geladen",
  // The region: rounds and the regional implementation plan.
  "meetronde.aangemaakt": "Meetronde aangemaakt",
  "meetronde.geopend": "Meetronde geopend",
  "meetronde.gesloten": "Meetronde gesloten",
  "regionale-actie.aangemaakt": "Regionale actie aangemaakt",
  "regionale-actie.gewijzigd": "Regionale actie gewijzigd",
  "regionale-actie.verwijderd": "Regionale actie verwijderd",
  // A zelfscan, its answers and comments.
  "zelfscan.gestart": "Zelfscan gestart",
  "zelfscan.ingediend": "Zelfscan ingediend",
  "zelfscan.heropend": "Zelfscan heropend",
  "antwoord.opgeslagen": "Antwoord opgeslagen",
  "opmerking.geplaatst": "Opmerking geplaatst",
  "opmerking.beantwoord": "Opmerking beantwoord",
  "toewijzing.gemaakt": "Onderdeel toegewezen",
  "toewijzing.gewijzigd": "Toewijzing gewijzigd (termijn, notitie, overgedragen)",
  "toewijzing.ingetrokken": "Toewijzing ingetrokken",
  "zelfscan.toewijzingsregel-gewijzigd": "Gewijzigd wie niet-toegewezen onderdelen mag aanpassen",
  "demo.zelfscan-aangemaakt": "Voorbeeldzelfscan aangemaakt (demogegevens)",
  // Evidence documents (lib/documenten).
  "document.geupload": "Document geüpload",
  "document.nieuwe-versie": "Nieuwe versie van een document geüpload",
  "document.gewijzigd": "Gegevens van een document gewijzigd (titel, ingangsdatum)",
  "document.gedownload": "Document gedownload",
  "document.gekoppeld": "Document bij een onderdeel gezet",
  "document.ontkoppeld": "Document bij een onderdeel weggehaald",
  "document.verwijderd": "Document verwijderd",
  "document.geweigerd": "Upload geweigerd (type, grootte, quotum, virus)",
  // The verbeterplan.
  "verbeteractie.aangemaakt": "Verbeteractie aangemaakt",
  "verbeteractie.gewijzigd": "Verbeteractie gewijzigd",
  "verbeteractie.verwijderd": "Verbeteractie verwijderd",
  "verbeteractie.verplaatst": "Verbeteractie verplaatst",
  "verbeteractie.samengevoegd": "Verbeteracties samengevoegd",
  "verbeteractie.concepten-voorgesteld": "Conceptacties voorgesteld bij de verbeterpunten",
  "verbeteractie.voortgang-gemeld": "Voortgang van een verbeteractie gemeld",
  // Data taken out of the application.
  "export.zelfscan": "Zelfscan geëxporteerd (antwoorden en geschiedenis)",
  "export.verbeterplan": "Verbeterplan geëxporteerd",
  "export.regio-overzicht": "Regionaal overzicht geëxporteerd",
  "export.landelijk": "Landelijke verdeling geëxporteerd (csv, xlsx, open data)",
  "auditlog.geexporteerd": "Auditlog geëxporteerd",
  // E-mail: what people chose, and what the beheerder did with the outbox.
  "bericht.voorkeuren-gewijzigd": "Voorkeuren voor berichten gewijzigd",
  "bericht.afgemeld": "Afgemeld voor een soort berichten (link in een e-mail)",
  "bericht.opnieuw-aangeboden": "Mislukt bericht opnieuw aangeboden voor verzending",
  "bericht.geheim-gelezen": "Bericht met eenmalige link gelezen in het postvak",
} as const satisfies Record<string, string>;

/** The name of an audit action, as stored in AuditEntry.action: "<domain>.<what happened>" in Dutch. */
export type AuditAction = keyof typeof AUDIT_ACTION_LABEL;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABEL) as AuditAction[];

/** Actions that older versions wrote and that existing audit logs may still hold. */
export const FORMER_AUDIT_ACTION_LABEL: Record<string, string> = {
  "auth.inlog-geblokkeerd": "Inloggen geblokkeerd (te veel pogingen)",
};

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABEL, action);
}

/** The Dutch label of a stored action; an unknown name is shown as it is. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABEL[action] : Object.hasOwn(FORMER_AUDIT_ACTION_LABEL, action) ? FORMER_AUDIT_ACTION_LABEL[action]! : action;
}
