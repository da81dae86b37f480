// The one-click unsubscribe of RFC 8058: the address in a mail's List-Unsubscribe header, which
// the recipient's mail client or provider POSTs to with the body "List-Unsubscribe=One-Click".
// No session: the signed token is the authorisation (lib/mail/preferences.ts). It answers 200
// with a short text and no page; a bad token or body changes nothing.
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { confirmUnsubscribe } from "@/lib/mail/preferences";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

async function oneClickBody(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const value = (await request.formData()).get("List-Unsubscribe");
    return typeof value === "string" ? value : null;
  }
  const raw = (await request.text()).slice(0, 1000);
  return new URLSearchParams(raw.trim()).get("List-Unsubscribe");
}

export const POST = route("POST /api/afmelden", async (request: Request) => {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  if ((await oneClickBody(request)) !== "One-Click") return text("Ongeldig verzoek: verwacht wordt List-Unsubscribe=One-Click.", 400);
  const result = await confirmUnsubscribe(prisma(), token.slice(0, 1000), { via: "een-klik", ip: clientAddress(Object.fromEntries(request.headers)) });
  if (result.status !== "ok") return text(result.message, 404);
  return text(result.message ?? "U bent afgemeld.", 200);
});
