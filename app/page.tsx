import Link from "next/link";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";

export default function HomePage() {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Zelfscan Werken aan Veiligheid</h1>
      <p className="max-w-prose">
        Met deze zelfscan bepaalt uw gemeente hoe goed de lokale (wijk)teams zijn toegerust om huiselijk geweld en
        kindermishandeling te stoppen. U beoordeelt de {framework.items.length} onderdelen van het kwaliteitskader
        &ldquo;{framework.title}&rdquo; van de {framework.publisher} en maakt op basis van de uitkomst een verbeterplan.
        Regionaal projectleiders vergelijken de gemeenten in hun regio.
      </p>
      <p>
        <Link href="/kwaliteitskader" className="text-brand-700 underline underline-offset-4">
          Lees het kwaliteitskader
        </Link>
      </p>
    </div>
  );
}
