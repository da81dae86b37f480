// The messages about an account: the invitation, the password-reset link (or, for an account that
// signs in through its organisation only, where to sign in instead) and the security notices. All
// of the security kind: they go at once and have no unsubscribe link. They carry names, dates and
// the one link; never a password, a code or anything else that would open the account.
import "server-only";
import { formatDateTime } from "@/lib/shared/format";
import type { MessageBody } from "../layout";

/** Whom a message is for, with what their account is about ("Gemeente Delft · regio Haaglanden"). */
type About = { name: string; context: string };

const greeting = (name: string) => `Beste ${name},`;

/** "Gemeente Delft · regio Haaglanden; Regio Hollands Midden": the gemeenten and regio's an account works for. */
export function accountContext(
  grants: readonly { role: string; gemeente: { name: string; regio: { name: string } } | null; regio: { name: string } | null }[],
): string {
  const parts = grants.map((grant) => {
    if (grant.gemeente) return `Gemeente ${grant.gemeente.name} · regio ${grant.gemeente.regio.name}`;
    if (grant.regio) return `Regio ${grant.regio.name}`;
    return "Beheer van de applicatie";
  });
  return [...new Set(parts)].join("; ") || "Zelfscan Werken aan Veiligheid";
}

export function invitationMessage(input: About & { roles: string; url: string; expiresAt: Date; invitedBy: string | null }): MessageBody {
  return {
    subject: "Uitnodiging: uw account voor de Zelfscan Werken aan Veiligheid",
    context: input.context,
    greeting: greeting(input.name),
    paragraphs: [
      `${input.invitedBy ?? "De beheerder"} nodigt u uit voor de Zelfscan Werken aan Veiligheid. Er staat een account voor u klaar als ${input.roles}.`,
      "Met de link hieronder stelt u zelf uw wachtwoord in. Daarna logt u in met dit e-mailadres en dat wachtwoord.",
    ],
    action: { label: "Stel uw wachtwoord in", url: input.url },
    note: `De link werkt één keer en is geldig tot ${formatDateTime(input.expiresAt)}. Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren; zonder de link gebeurt er niets.`,
  };
}

export function passwordResetMessage(input: About & { url: string; expiresAt: Date; byBeheerder: boolean }): MessageBody {
  return {
    subject: "Stel een nieuw wachtwoord in",
    context: input.context,
    greeting: greeting(input.name),
    paragraphs: [
      input.byBeheerder
        ? "De beheerder van de Zelfscan Werken aan Veiligheid heeft voor u een link gemaakt om een nieuw wachtwoord in te stellen."
        : "Iemand heeft gevraagd om het wachtwoord van uw account voor de Zelfscan Werken aan Veiligheid opnieuw in te stellen. Was u dat, gebruik dan de link hieronder.",
      "Als u een nieuw wachtwoord instelt, wordt u op alle apparaten en browsers uitgelogd. Uw tweestapsverificatie blijft zoals die was.",
    ],
    action: { label: "Stel een nieuw wachtwoord in", url: input.url },
    note: `De link werkt één keer en is geldig tot ${formatDateTime(input.expiresAt)}. Vroeg u dit niet? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.`,
  };
}

/** The answer to "Wachtwoord vergeten?" for an account without a password that signs in through its organisation. */
export function signInThroughOrganisationMessage(input: About & { providers: string[]; loginUrl: string }): MessageBody {
  const via = input.providers.length ? input.providers.join(" of ") : "uw organisatie";
  return {
    subject: "U logt in via uw organisatie",
    context: input.context,
    greeting: greeting(input.name),
    paragraphs: [
      "Iemand heeft gevraagd om het wachtwoord van uw account voor de Zelfscan Werken aan Veiligheid opnieuw in te stellen.",
      `Uw account heeft geen wachtwoord in deze applicatie: u logt in via ${via}, met de knop van uw organisatie op de inlogpagina. Lukt dat niet, neem dan contact op met de ICT-afdeling van uw organisatie.`,
    ],
    action: { label: "Naar de inlogpagina", url: input.loginUrl },
    note: "Vroeg u dit niet? Dan hoeft u niets te doen: er is niets veranderd.",
  };
}

export type SecurityChange =
  | { what: "wachtwoord-gewijzigd" }
  | { what: "wachtwoord-hersteld" }
  | { what: "tweede-factor-ingesteld" }
  | { what: "tweede-factor-gereset" }
  | { what: "herstelcodes-vernieuwd" }
  | { what: "koppeling-toegevoegd"; provider: string }
  | { what: "koppeling-verwijderd"; provider: string };

const CHANGED: { [K in SecurityChange["what"]]: (change: Extract<SecurityChange, { what: K }>) => { subject: string; sentence: string } } = {
  "wachtwoord-gewijzigd": () => ({ subject: "Uw wachtwoord is gewijzigd", sentence: "Het wachtwoord van uw account is gewijzigd op de accountpagina." }),
  "wachtwoord-hersteld": () => ({
    subject: "Uw wachtwoord is opnieuw ingesteld",
    sentence: "Het wachtwoord van uw account is opnieuw ingesteld met een herstellink. Alle sessies van uw account zijn daarbij beëindigd.",
  }),
  "tweede-factor-ingesteld": () => ({
    subject: "Tweestapsverificatie is ingesteld",
    sentence: "Voor uw account is tweestapsverificatie ingesteld met een authenticator-app. Er zijn ook nieuwe herstelcodes gemaakt.",
  }),
  "tweede-factor-gereset": () => ({
    subject: "Uw tweestapsverificatie is uitgezet",
    sentence:
      "De tweestapsverificatie van uw account is door een beheerder op de server uitgezet. Uw herstelcodes werken niet meer en u bent overal uitgelogd; bij de volgende keer inloggen stelt u de tweestapsverificatie opnieuw in.",
  }),
  "herstelcodes-vernieuwd": () => ({
    subject: "Uw herstelcodes zijn vernieuwd",
    sentence: "Er zijn nieuwe herstelcodes voor uw tweestapsverificatie gemaakt. De vorige herstelcodes werken niet meer.",
  }),
  "koppeling-toegevoegd": (change) => ({
    subject: "Uw account is gekoppeld aan uw organisatie",
    sentence: `Uw account is gekoppeld aan ${change.provider}. Daarmee kan worden ingelogd via die organisatie.`,
  }),
  "koppeling-verwijderd": (change) => ({
    subject: "Een koppeling van uw account is verwijderd",
    sentence: `De koppeling van uw account met ${change.provider} is verwijderd. Via die organisatie kan niet meer worden ingelogd.`,
  }),
};

/** A notice to the account's own address that something that guards it changed: what, when, and what to do if it was not them. */
export function securityNoticeMessage(input: About & { change: SecurityChange; at: Date; resetUrl: string; accountUrl: string }): MessageBody {
  const { subject, sentence } = (CHANGED[input.change.what] as (change: SecurityChange) => { subject: string; sentence: string })(input.change);
  return {
    subject,
    context: input.context,
    greeting: greeting(input.name),
    paragraphs: [
      `${sentence} Dit gebeurde op ${formatDateTime(input.at)} (Nederlandse tijd).`,
      "Was u dit zelf? Dan hoeft u niets te doen.",
      `Was u dit niet? Stel dan direct een nieuw wachtwoord in via "Wachtwoord vergeten?" op de inlogpagina (${input.resetUrl}), bekijk op uw accountpagina de koppelingen en de tweestapsverificatie, en meld het aan de beheerder van de applicatie of uw regionaal projectleider.`,
    ],
    action: { label: "Naar uw accountpagina", url: input.accountUrl },
    note: "Dit is een beveiligingsmelding. U ontvangt deze altijd; u kunt zich er niet voor afmelden.",
  };
}
