import Link from "next/link";

export function SiteFooter({ frameworkLabel }: { frameworkLabel: string }) {
  return (
    <footer className="mt-12 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">
        <p>Gebaseerd op {frameworkLabel}.</p>
        <p className="mt-2">
          <Link href="/toegankelijkheid" className="text-slate-800 underline underline-offset-4">
            Toegankelijkheidsverklaring
          </Link>
        </p>
      </div>
    </footer>
  );
}
