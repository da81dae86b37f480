// What a page shows when loading it failed: in Dutch, without technical details, with a retry, and
// a reference under which the beheerder finds the failure in the log.
export function ErrorMessage({ onRetry, reference }: { onRetry: () => void; reference?: string }) {
  return (
    <div className="max-w-prose space-y-4" role="alert">
      <h1 className="text-2xl font-bold">Deze pagina kon niet worden geladen</h1>
      <p>
        Er ging iets mis aan onze kant, bijvoorbeeld doordat de database even niet bereikbaar is. Wat u al had opgeslagen is niet verloren. Probeer het over een
        ogenblik opnieuw; blijft het misgaan, meld het dan bij de beheerder.
      </p>
      {reference && (
        <p>
          Referentie voor de beheerder: <code className="rounded bg-slate-100 px-1 font-mono text-sm break-all select-all">{reference}</code>
        </p>
      )}
      <button type="button" onClick={onRetry} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
        Opnieuw proberen
      </button>
    </div>
  );
}
