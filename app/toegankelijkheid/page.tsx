import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Toegankelijkheidsverklaring" };

// The statement follows the structure of the Dutch model statement (Besluit digitale
// toegankelijkheid overheid). It states only what has been verified: automated checks in the test
// suite, not an audit by an independent expert; that is why the status is C and not A or B.
export default function ToegankelijkheidPage() {
  return (
    <article className="max-w-prose space-y-6">
      <h1 className="text-2xl font-bold">Toegankelijkheidsverklaring</h1>
      <p>
        De applicatie Zelfscan Werken aan Veiligheid moet voor iedereen bruikbaar zijn, ook voor mensen die een schermlezer, vergroting of alleen een
        toetsenbord gebruiken. De applicatie is gebouwd om te voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau A en AA, de norm die voor
        overheidsorganisaties geldt (EN 301 549).
      </p>

      <section aria-labelledby="status" className="space-y-2">
        <h2 id="status" className="text-xl font-semibold">
          Status: eerste maatregelen genomen (C)
        </h2>
        <p>
          Een onderzoek door een onafhankelijke deskundige heeft nog niet plaatsgevonden. Daarom is de status volgens de modelverklaring van de overheid “eerste
          maatregelen genomen”. De gemeente of organisatie die de applicatie in gebruik neemt, laat dat onderzoek uitvoeren en publiceert de verklaring op
          toegankelijkheidsverklaring.nl.
        </p>
      </section>

      <section aria-labelledby="maatregelen" className="space-y-2">
        <h2 id="maatregelen" className="text-xl font-semibold">
          Welke maatregelen zijn genomen
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Bij elke wijziging controleert een geautomatiseerde test elke pagina en de belangrijkste toestanden (zoals foutmeldingen en conflicten) voor elke
            rol met axe op de WCAG 2.1 A- en AA-criteria. Er worden dan geen fouten gevonden.
          </li>
          <li>De hele zelfscan is met alleen het toetsenbord in te vullen; de focus is altijd zichtbaar.</li>
          <li>Pagina’s zijn bruikbaar op een scherm van 320 pixels breed zonder horizontaal te scrollen.</li>
          <li>Foutmeldingen staan bij het veld en in een overzicht boven het formulier, dat de focus krijgt.</li>
          <li>Grafieken hebben een tabel met dezelfde gegevens; kleur is nooit de enige drager van informatie.</li>
          <li>De pdf van het verbeterplan is een getagde pdf met titel, taal (Nederlands) en ingesloten lettertypen.</li>
        </ul>
      </section>

      <section aria-labelledby="bekend" className="space-y-2">
        <h2 id="bekend" className="text-xl font-semibold">
          Wat nog niet is onderzocht
        </h2>
        <p>
          Geautomatiseerde controles vinden naar schatting een derde tot de helft van de mogelijke problemen. Het gebruik met schermlezers (NVDA, JAWS,
          VoiceOver) en met spraakbediening is nog niet door ervaringsdeskundigen getest. De pdf is niet met PAC of een vergelijkbaar hulpmiddel op PDF/UA
          gecontroleerd.
        </p>
      </section>

      <section aria-labelledby="contact" className="space-y-2">
        <h2 id="contact" className="text-xl font-semibold">
          Een probleem melden
        </h2>
        <p>Loopt u tegen een probleem aan? Meld het bij de beheerder van de applicatie in uw gemeente of regio. U krijgt binnen vijf werkdagen een reactie.</p>
        <p>
          <Link href="/" className={linkClass}>
            Terug naar de startpagina
          </Link>
        </p>
      </section>
    </article>
  );
}
