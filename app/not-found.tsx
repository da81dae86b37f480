import Link from "next/link";
import { linkClass } from "@/components/ui/styles";

// Also what a page outside the user's scope shows: it does not reveal that the thing exists.
export default function NotFound() {
  return (
    <div className="max-w-prose space-y-4">
      <h1 className="text-2xl font-bold">Niet gevonden</h1>
      <p>Deze pagina bestaat niet, of u heeft er geen toegang toe. Controleer het adres, of ga terug naar uw overzicht.</p>
      <p>
        <Link href="/" className={linkClass}>
          Naar mijn overzicht
        </Link>
      </p>
    </div>
  );
}
