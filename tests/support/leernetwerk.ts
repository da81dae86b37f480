// The learning network's fixture on the demo data: an onderdeel where Den Haag's submitted scan of
// Haaglanden's open round scores 3 and Delft's scan falls short, and a document of Den Haag linked
// to that answer (its file in the app's file store).
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { fileStore, newStorageKey } from "@/lib/documenten/store";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { gatenVanScan } from "@/lib/leernetwerk/voorbeelden";

export async function leernetwerkFixture(prisma: PrismaClient) {
  const scanOf = (slug: string) =>
    prisma.zelfscan.findFirstOrThrow({
      where: { gemeente: { slug }, meetronde: { name: "Herhaalmeting 2026" } },
      include: { answers: true, gemeente: true, meetronde: true },
    });
  const [delft, denHaag] = [await scanOf("delft"), await scanOf("den-haag")];
  const framework = getFramework(delft.frameworkVersion);
  const gaps = gatenVanScan(framework, delft.answers);
  const onderdeelId = gaps.find((id) => denHaag.answers.some((answer) => answer.onderdeelId === id && answer.score === 3 && !answer.weetIkNiet));
  if (!onderdeelId) throw new Error("The demo has no onderdeel where Den Haag scores 3 and Delft falls short");
  const content = Buffer.from("%PDF-1.4\n% Den Haag: werkinstructie\n%%EOF\n");
  const key = newStorageKey(denHaag.gemeenteId);
  await fileStore().put(key, Readable.from(content), { size: content.length, mediaType: "application/pdf" });
  const document = await prisma.document.create({
    data: {
      gemeenteId: denHaag.gemeenteId,
      title: "Werkinstructie Den Haag",
      ingangsdatum: new Date("2025-01-01T00:00:00Z"),
      versies: {
        create: {
          nummer: 1,
          fileName: "werkinstructie-den-haag.pdf",
          mediaType: "application/pdf",
          size: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
          storageKey: key,
        },
      },
      koppelingen: { create: { zelfscanId: denHaag.id, onderdeelId } },
    },
    include: { versies: true },
  });
  return { delft, denHaag, onderdeelId, versieId: document.versies[0]!.id, documentId: document.id };
}
