import type { Metadata } from "next";
import Link from "next/link";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { prisma } from "@/lib/db/client";
import { readUnsubscribe, UNSUBSCRIBE_INVALID_MESSAGE } from "@/lib/mail/preferences";
import { MESSAGE_KIND } from "@/lib/shared/mail/kinds";
import { confirmUnsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Afmelden voor berichten", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The page an unsubscribe link in a mail opens, without logging in. It only reads: link scanners
 * follow links, so switching off takes the button (a POST).
 */
export default async function AfmeldenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const token = (first(query.t) ?? "").slice(0, 1000);
  const view = token ? await readUnsubscribe(prisma(), token) : null;
  const preferences = (
    <p>
      Na het inloggen kiest u bij{" "}
      <Link href="/account/berichten" className={linkClass}>
        Mijn account › Berichten
      </Link>{" "}
      per soort bericht hoe u het ontvangt.
    </p>
  );

  if (!view) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">Afmelden niet mogelijk</h1>
        <p role="alert">{UNSUBSCRIBE_INVALID_MESSAGE}</p>
        {preferences}
      </div>
    );
  }

  const digest = view.kind === "SAMENVATTING";
  if (view.off) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{first(query.klaar) ? "U bent afgemeld" : "U bent al afgemeld"}</h1>
        <p role="status">
          {digest ? "U ontvangt geen dagelijkse samenvatting meer." : `U ontvangt geen berichten meer van de soort “${view.label}”.`} Berichten over de
          beveiliging van uw account krijgt u wel altijd.
        </p>
        {preferences}
      </div>
    );
  }

  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Afmelden voor berichten</h1>
      {first(query.melding) === "ongeldig" && <p role="alert">{UNSUBSCRIBE_INVALID_MESSAGE}</p>}
      {digest ? (
        <>
          <p>U wilt geen dagelijkse samenvatting meer ontvangen. Daarin ontvangt u nu:</p>
          <ul className="list-disc pl-5">
            {view.bundledKinds.map((kind) => (
              <li key={kind}>{MESSAGE_KIND[kind].label}</li>
            ))}
          </ul>
          <p>Na het afmelden ontvangt u deze berichten niet meer. Wilt u ze liever direct ontvangen, kies dat dan na het inloggen bij uw voorkeuren.</p>
        </>
      ) : (
        <p>
          U wilt geen berichten meer ontvangen van de soort <strong>{view.label}</strong>. Andere berichten, en berichten over de beveiliging van uw account,
          blijft u ontvangen.
        </p>
      )}
      <form action={confirmUnsubscribeAction}>
        <input type="hidden" name="t" value={token} />
        <button type="submit" className={primaryButtonClass}>
          {digest ? "Afmelden voor de dagelijkse samenvatting" : "Afmelden voor deze berichten"}
        </button>
      </form>
      {preferences}
    </div>
  );
}
