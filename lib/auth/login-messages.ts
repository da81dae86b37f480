// What the login page says about a failed login, and where it goes after one that succeeded.
// Apart from the schema (lib/auth/login-schema.ts), so that the form can use them without loading
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
    case "oidc-onbekend":
      return "Er is geen account voor uw e-mailadres. Vraag uw projectleider of de beheerder om een uitnodiging.";
    case "oidc-gedeactiveerd":
      return "Uw account is gedeactiveerd. Neem contact op met de beheerder.";
    case "oidc-andere-organisatie":
      return "U bent ingelogd bij een organisatie die geen toegang heeft tot deze applicatie.";
    case "oidc-geen-email":
      return "Uw organisatie gaf geen e-mailadres door; daardoor kunnen we uw account niet vinden.";
    default:
      return "Het e-mailadres of het wachtwoord is onjuist.";
  }
}

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
      `Vanaf uw netwerk zijn kort na elkaar veel inlogpogingen mislukt. Misschien probeert iemand wachtwoorden te raden. ` +
      `Probeer het over ${wait} opnieuw.`
    );
  }
  return (
    `Voor dit e-mailadres is een aantal keer een onjuist wachtwoord of een onjuiste code ingevuld. Misschien probeert iemand ` +
    `uw wachtwoord te raden. Daarom kunt u het pas over ${wait} opnieuw proberen. Uw account is niet geblokkeerd: met het ` +
    `juiste wachtwoord komt u daarna gewoon binnen. Was u dit niet zelf? Meld het dan bij de beheerder.`
  );
}

/** Only same-site paths are followed after login, so a crafted link cannot send a user elsewhere. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
