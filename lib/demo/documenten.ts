// The demo's evidence documents: Delft's library with the regiovisie (one document supporting
// eisen 1, 2 and 10), the samenwerkingsafspraken with Veilig Thuis in two versions and the
// inkoopvoorwaarden as a workbook, linked to answers of Delft's scan in the open round. The files
// are made at seed time and written through the file store (DATA_DIR/documenten in the embedded
// Quick start, or the S3 bucket), so that downloading them works like any upload. Idempotent: a
// document is looked up by its title in Delft's library first, so seeding again adds nothing.
import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { type FileStore, newStorageKey } from "@/lib/documenten/store";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoPdf, demoXlsx } from "./document-files";

const PDF = "application/pdf";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type DemoVersie = { fileName: string; mediaType: string; uploadedAt: string; content: () => Promise<Buffer> };
type DemoDocument = { title: string; ingangsdatum: string; onderdelen: readonly string[]; versies: readonly DemoVersie[] };

/** The documents of Delft's library and the onderdelen of the open round's scan they support. */
const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    title: "Regiovisie Haaglanden 2023-2026",
    ingangsdatum: "2023-01-01",
    onderdelen: ["1", "2", "10b"],
    versies: [
      {
        fileName: "regiovisie-haaglanden-2023-2026.pdf",
        mediaType: PDF,
        uploadedAt: "2026-10-05T09:30:00Z",
        content: async () =>
          demoPdf("Regiovisie Haaglanden 2023-2026", [
            "Aanpak huiselijk geweld en kindermishandeling in de regio Haaglanden.",
            "1. Integrale visie: gemeenten, Veilig Thuis en wijkteams werken vanuit een gedeelde visie op veiligheid.",
            "2. Inrichting en opdracht van de lokale teams: zicht op veiligheid is onderdeel van de opdracht.",
            "10. Samenwerking met Veilig Thuis: rolverdeling, overdracht en gezamenlijke evaluatie van casuistiek.",
            "Vastgesteld door de colleges van de negen gemeenten in december 2022.",
          ]),
      },
    ],
  },
  {
    title: "Samenwerkingsafspraken Veilig Thuis Haaglanden",
    ingangsdatum: "2025-01-01",
    onderdelen: ["7f", "10c"],
    versies: [
      {
        fileName: "samenwerkingsafspraken-veilig-thuis-2022.pdf",
        mediaType: PDF,
        uploadedAt: "2026-10-05T09:40:00Z",
        content: async () =>
          demoPdf("Samenwerkingsafspraken Veilig Thuis Haaglanden", [
            "Versie 2022.",
            "Afspraken over overdracht van Veilig Thuis naar het lokale team en terug.",
          ]),
      },
      {
        fileName: "samenwerkingsafspraken-veilig-thuis-2025.pdf",
        mediaType: PDF,
        uploadedAt: "2026-10-12T14:15:00Z",
        content: async () =>
          demoPdf("Samenwerkingsafspraken Veilig Thuis Haaglanden", [
            "Versie 2025, geldig vanaf 1 januari 2025.",
            "Afspraken over overdracht van Veilig Thuis naar het lokale team en terug,",
            "contact bij nieuwe zorgen en de stappen bij geen overeenstemming.",
          ]),
      },
    ],
  },
  {
    title: "Inkoopvoorwaarden wijkteams 2025",
    ingangsdatum: "2025-01-01",
    onderdelen: ["2", "5"],
    versies: [
      {
        fileName: "inkoopvoorwaarden-wijkteams-2025.xlsx",
        mediaType: XLSX,
        uploadedAt: "2026-10-06T11:00:00Z",
        content: () =>
          demoXlsx(
            "Inkoopvoorwaarden",
            ["Voorwaarde", "Eis van het kwaliteitskader", "Gemeten"],
            [
              ["Het wijkteam werkt met de meldcode en heeft een aandachtsfunctionaris", "3a, 3c", "jaarlijks"],
              ["Voldoende capaciteit om zicht op veiligheid te houden", "5", "per kwartaal"],
              ["Opdracht en inrichting van het team vastgelegd", "2", "bij de gunning"],
            ],
          ),
      },
    ],
  },
];

/** Seeds Delft's documents into `store`; the number of rows made (0 when they were there already). */
export async function seedDemoDocuments(prisma: PrismaClient, store: FileStore): Promise<number> {
  const scan = await prisma.zelfscan.findFirst({
    where: { gemeente: { slug: "delft" }, meetronde: { name: "Herhaalmeting 2026", regio: { slug: "haaglanden" } } },
    select: { id: true, gemeenteId: true },
  });
  const officer = await prisma.user.findUnique({ where: { email: "beleid@delft.example" }, select: { id: true } });
  if (!scan) return 0;
  let created = 0;
  for (const demo of DEMO_DOCUMENTS) {
    if (await prisma.document.findFirst({ where: { gemeenteId: scan.gemeenteId, title: demo.title }, select: { id: true } })) continue;
    // The files first, then the rows in one transaction; a crash between leaves only unnamed files,
    // which the sweep (lib/documenten/sweep.ts) removes.
    const stored: (DemoVersie & { key: string; size: number; sha256: string })[] = [];
    for (const versie of demo.versies) {
      const content = await versie.content();
      const key = newStorageKey(scan.gemeenteId);
      await store.put(key, Readable.from(content), { size: content.length, mediaType: versie.mediaType });
      stored.push({ ...versie, key, size: content.length, sha256: createHash("sha256").update(content).digest("hex") });
    }
    await prisma.$transaction(async (tx) => {
      const document = await tx.document.create({
        data: {
          gemeenteId: scan.gemeenteId,
          title: demo.title,
          ingangsdatum: new Date(`${demo.ingangsdatum}T00:00:00Z`),
          createdById: officer?.id ?? null,
          createdAt: new Date(stored[0]!.uploadedAt),
        },
      });
      await tx.documentVersie.createMany({
        data: stored.map((versie, index) => ({
          documentId: document.id,
          nummer: index + 1,
          fileName: versie.fileName,
          mediaType: versie.mediaType,
          size: versie.size,
          sha256: versie.sha256,
          storageKey: versie.key,
          uploadedById: officer?.id ?? null,
          createdAt: new Date(versie.uploadedAt),
        })),
      });
      await tx.answerDocument.createMany({
        data: demo.onderdelen.map((onderdeelId) => ({
          zelfscanId: scan.id,
          onderdeelId,
          documentId: document.id,
          addedById: officer?.id ?? null,
          createdAt: new Date(stored[0]!.uploadedAt),
        })),
      });
    });
    created++;
  }
  return created;
}
