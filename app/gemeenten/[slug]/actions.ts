"use server";
// Starting the gemeente's scan in an open round: a plain form, so it works without JavaScript.
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { startZelfscan } from "@/lib/zelfscan/mutations";
import { plainId } from "@/lib/shared/forms/text";

export async function startZelfscanAction(slug: string, gemeenteId: string, meetrondeId: string, formData: FormData): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const result = await startZelfscan(prisma(), actor, {
    gemeenteId: plainId(gemeenteId),
    meetrondeId: plainId(meetrondeId),
    carryOver: formData.get("overnemen") === "ja",
  });
  if (result.status !== "started") redirect(`/gemeenten/${encodeURIComponent(String(slug))}?fout=${result.status === "closed" ? "gesloten" : "niet-gevonden"}`);
  redirect(`/zelfscans/${result.zelfscanId}/stap/1`);
}
