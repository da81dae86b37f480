// A gemeente's choice to share its good examples in the learning network: what is shared and with
// whom, the current choice, and for those who decide (the coordinator, or any officer while there
// is none) a plain form that works without JavaScript.
import { primaryButtonClass } from "@/components/ui/styles";
import { DELEN_UITLEG } from "@/lib/shared/leernetwerk/schema";

export function VoorbeeldenDelenForm({
  gemeente,
  deelt,
  action,
  saved,
}: {
  gemeente: string;
  deelt: boolean;
  /** Absent: the actor may not change the choice (it is only shown). */
  action?: (formData: FormData) => Promise<void>;
  /** Just saved: "aan" or "uit". */
  saved?: "aan" | "uit";
}) {
  return (
    <section aria-labelledby="voorbeelden-delen" className="space-y-3 rounded border border-slate-400 p-4">
      <h2 id="voorbeelden-delen" className="text-lg font-semibold">
        Goede voorbeelden delen in het leernetwerk
      </h2>
      <p className="max-w-prose">{DELEN_UITLEG}</p>
      {saved && (
        <p role="status" className="max-w-prose rounded border-2 border-green-800 bg-green-50 p-3 font-semibold">
          Opgeslagen: {gemeente} {saved === "aan" ? "deelt nu haar goede voorbeelden met de regio." : "deelt haar goede voorbeelden niet."}
        </p>
      )}
      <p>
        Nu: <strong>{deelt ? `${gemeente} deelt haar goede voorbeelden.` : `${gemeente} deelt haar goede voorbeelden niet.`}</strong>
      </p>
      {action ? (
        <form action={action} className="space-y-3">
          <fieldset className="space-y-2">
            <legend className="font-semibold">Deelt {gemeente} haar goede voorbeelden?</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="deelt" value="ja" defaultChecked={deelt} className="mt-1 h-5 w-5" />
              <span>Ja, deel onze goede voorbeelden met de regio</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="deelt" value="nee" defaultChecked={!deelt} className="mt-1 h-5 w-5" />
              <span>Nee, niet delen</span>
            </label>
          </fieldset>
          <button type="submit" className={primaryButtonClass}>
            Keuze over delen opslaan
          </button>
        </form>
      ) : (
        <p className="max-w-prose text-sm">De coördinator van {gemeente} beslist hierover (zonder coördinator: elke beleidsmedewerker van de gemeente).</p>
      )}
    </section>
  );
}
