// The learning network's form (lib/leernetwerk/delen.ts), shared by the page and the server: a
// gemeente shares its good examples, or not. Nothing else can be sent along.
import * as z from "zod/mini";

export const ZVoorbeeldenDelenSchema = z.strictObject({ deelt: z.boolean() });

/** What the gemeente's page says is shared, and with whom. */
export const DELEN_UITLEG =
  "Als uw gemeente deelt, zien de projectleider van de regio en de beleidsmedewerkers van de andere gemeenten in de regio bij de onderdelen waarop uw ingediende zelfscan score 3 heeft: de naam van uw gemeente, de toelichting bij dat onderdeel en de documenten die u eraan koppelde (titel, ingangsdatum, downloaden). Zij zien dat alleen bij onderdelen waar zij zelf nog onder hun doel zitten. Concepten en andere scores worden nooit gedeeld. Het landelijk programmateam ziet alleen hoeveel gemeenten een onderdeel goed doen, nooit welke. Zonder delen telt uw gemeente alleen mee in dat aantal, zonder naam.";

/** Where a document of a shared good example is downloaded: the example's scan and onderdeel name the scope. */
export function voorbeeldDownloadHref(zelfscanId: string, onderdeelId: string, versieId: string): string {
  return `/leernetwerk/${encodeURIComponent(zelfscanId)}/${encodeURIComponent(onderdeelId)}/${encodeURIComponent(versieId)}`;
}
