// What the login page says about a failed login, and where it goes after one that succeeded.
// Apart from the schema (lib/auth/login-schema.ts), so that the form can use them without loading
// zod first.

/** Dutch text for the error codes the credentials provider and the OIDC callback return. */
export function loginErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith("rate-limited:")) {
    const minutes = Math.max(1, Math.ceil(Number(code.split(":")[1] ?? "60") / 60));
    return `Te veel mislukte inlogpogingen. Probeer het over ${minutes === 1 ? "1 minuut" : `${minutes} minuten`} opnieuw.`;
  }
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
