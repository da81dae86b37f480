"use server";
// Starting the gemeente's scan in an open round: a plain form, so it works without JavaScript.
import { formAction } from "@/lib/actions/server-action";
import { setVoorbeeldenDelen } from "@/lib/leernetwerk/delen";
import { startZelfscan } from "@/lib/zelfscan/mutations";

export async function startZelfscanAction(slug: string, gemeenteId: string, meetrondeId: string, formData: FormData): Promise<void> {
  await formAction((prisma, actor) => startZelfscan(prisma, actor, { gemeenteId, meetrondeId, carryOver: formData.get("overnemen") === "ja" }), {
    back: `/gemeenten/${encodeURIComponent(String(slug))}`,
    to: ({ zelfscanId }) => `/zelfscans/${zelfscanId}/stap/1`,
    melding: { locked: "gesloten" },
  });
}

// Sharing good examples in the learning network: a plain form too.
export async function setVoorbeeldenDelenAction(slug: string, gemeenteId: string, formData: FormData): Promise<void> {
  const back = `/gemeenten/${encodeURIComponent(String(slug))}`;
  await formAction((prisma, actor) => setVoorbeeldenDelen(prisma, actor, { gemeenteId, values: { deelt: formData.get("deelt") === "ja" } }), {
    back,
    to: ({ deelt }) => `${back}?delen=${deelt ? "aan" : "uit"}#voorbeelden-delen`,
    melding: { "not-found": "delen-geweigerd", invalid: "delen-geweigerd" },
  });
}
