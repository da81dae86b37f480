"use server";
// Starting the gemeente's scan in an open round: a plain form, so it works without JavaScript.
import { formAction } from "@/lib/actions/server-action";
import { startZelfscan } from "@/lib/zelfscan/mutations";

export async function startZelfscanAction(slug: string, gemeenteId: string, meetrondeId: string, formData: FormData): Promise<void> {
  await formAction((prisma, actor) => startZelfscan(prisma, actor, { gemeenteId, meetrondeId, carryOver: formData.get("overnemen") === "ja" }), {
    back: `/gemeenten/${encodeURIComponent(String(slug))}`,
    to: ({ zelfscanId }) => `/zelfscans/${zelfscanId}/stap/1`,
    melding: { locked: "gesloten" },
  });
}
