// What the login page says about a failed login, and where it goes after one that succeeded.
// Apart from the schema (lib/shared/auth/login-schema.ts), so that the form can use them without loading
// zod first.

/** Dutch text for the error codes the credentials provider and the OIDC callback return. */
export function loginErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith("rate-limited:")) return slowDownMessage(code);
  switch (code) {
    case "code-required":
      return "Vul de code uit uw authenticator-app in, of een van uw herstelcodes.";
    case "code-invalid":
      return "De code is onjuist of verlopen. Probeer het opnieuw met een nieuwe code.";
    case "oidc-niet-gekoppeld":
      return OIDC_NOT_LINKED_MESSAGE;
    case "oidc-email-niet-bevestigd":
    case "koppeling-email-niet-bevestigd":
      return "Uw organisatie meldt dat uw e-mailadres niet is bevestigd. Daarom kunt u zo niet inloggen of koppelen. Neem contact op met de beheerder van uw organisatie.";
    case "oidc-gedeactiveerd":
      return "Uw account is gedeactiveerd. Neem contact op met de beheerder.";
    case "oidc-andere-organisatie":
    case "koppeling-andere-organisatie":
      return "Deze identiteitsprovider mag uw account niet aanmelden: uw account hoort (ook) bij een gemeente, regio of rol buiten de organisaties van deze provider. Log in met uw e-mailadres en wachtwoord.";
    case "oidc-ongeldig-token":
    case "koppeling-ongeldig-token":
      return "Uw organisatie gaf geen bruikbare identiteit door. Probeer het opnieuw of log in met uw e-mailadres en wachtwoord.";
    case "oidc-onbekende-provider":
      return "Deze manier van inloggen is niet (meer) beschikbaar. Kies een andere of log in met uw e-mailadres en wachtwoord.";
    case "koppeling-al-gekoppeld":
      return "Deze identiteit is al gekoppeld aan een account. Een identiteit hoort bij één account; er is niets gekoppeld.";
    case "koppeling-verlopen":
    case "koppeling-andere-sessie":
      return "Het koppelen is niet gelukt: het verzoek is verlopen of al gebruikt. Open de uitnodigingslink opnieuw, of log in met uw wachtwoord en koppel via Mijn account › Koppelingen.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "Callback":
    case "OAuthAccountNotLinked":
    case "AccessDenied":
      return "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw of log in met uw e-mailadres en wachtwoord.";
    default:
      return "Het e-mailadres of het wachtwoord is onjuist.";
  }
}

/** How an identity that is not linked yet gets linked: an e-mail address alone never signs anyone in. */
const OIDC_NOT_LINKED_MESSAGE =
  "U bent bij uw organisatie ingelogd, maar die identiteit is nog niet gekoppeld aan een account in deze applicatie. Een e-mailadres alleen is niet genoeg. " +
  "Koppel hem eenmalig: log hieronder in met uw e-mailadres en wachtwoord, ga naar Mijn account › Koppelingen en kies de knop van uw organisatie. " +
  "Heeft u nog geen wachtwoord, open dan de uitnodigingslink die u kreeg en kies daar de knop van uw organisatie.";

/** "5 seconden", "1 minuut", "4 minuten": how long to wait, in Dutch, rounded up. */
export function waitText(seconds: number): string {
  const whole = Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 60));
  if (whole < 60) return whole === 1 ? "1 seconde" : `${whole} seconden`;
  const minutes = Math.ceil(whole / 60);
  return minutes === 1 ? "1 minuut" : `${minutes} minuten`;
}

/** The error code of a slowed-down login: "rate-limited:<seconds>:<account|adres>". */
export function slowDownCode(retryAfterMs: number, scope: "account" | "adres"): string {
  return `rate-limited:${Math.max(1, Math.ceil(retryAfterMs / 1000))}:${scope}`;
}

function slowDownMessage(code: string): string {
  const [, seconds, scope] = code.split(":");
  const wait = waitText(Number(seconds ?? "60"));
  if (scope === "adres") {
    return (
      `Vanaf uw netwerk zijn kort na elkaar veel inlogpogingen mislukt. Misschien probeert iemand wachtwoorden te raden. ` + `Probeer het over ${wait} opnieuw.`
    );
  }
  return (
    `Voor dit e-mailadres is een aantal keer een onjuist wachtwoord of een onjuiste code ingevuld. Misschien probeert iemand ` +
    `uw wachtwoord te raden. Daarom kunt u het pas over ${wait} opnieuw proberen. Uw account is niet geblokkeerd: met het ` +
    `juiste wachtwoord komt u daarna gewoon binnen. Was u dit niet zelf? Meld het dan bij de beheerder.`
  );
}

/**
 * Only paths of this site are followed after login, so a crafted link cannot send a user
 * elsewhere; the path comes back percent-encoded (a redirect's Location header takes ASCII only,
 * so "/zelfscans/é" or "/€" would otherwise fail the answer), and anything that is not one
 * string of at most 2,000 characters is "/".
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  try {
    const base = "http://zelfscan.invalid";
    const url = new URL(value, base);
    return url.origin === base && !/[\u0000-\u001f\u007f]/.test(value) ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
