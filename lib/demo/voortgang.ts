// The demo's owned actions and progress history (issue 15): Delft's plan in the open round gets
// an action owned by collega@delft.example (with a deadline and two dated notes), one owned by the
// external party Veilig Thuis Haaglanden and one by beleid@delft.example, each with the level it aims
// at (doelscore: the rapport's projected score); the actions of closed
// rounds get a history that matches their status. Written once: seeding again adds nothing.
import type { ActieStatus, PrismaClient } from "@/lib/generated/prisma/client";
import { addDays, dayInAmsterdam, endOfDayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";

const OPEN_ROUND = "Herhaalmeting 2026";

/** The steps an action went through to reach its status, oldest first. */
const STEPS: Record<ActieStatus, ActieStatus[]> = {
  GEPLAND: ["GEPLAND"],
  IN_UITVOERING: ["GEPLAND", "IN_UITVOERING"],
  AFGEROND: ["GEPLAND", "IN_UITVOERING", "AFGEROND"],
  VERVALLEN: ["GEPLAND", "VERVALLEN"],
};

const STEP_NOTE: Record<ActieStatus, string> = {
  GEPLAND: "Actie opgenomen in het verbeterplan.",
  IN_UITVOERING: "Overleg met de aanbieder van het wijkteam gestart.",
  AFGEROND: "Afspraken vastgelegd in de subsidievoorwaarden.",
  VERVALLEN: "Vervallen: opgenomen in de regionale aanpak.",
};

export async function seedDemoVoortgang(prisma: PrismaClient, now: Date): Promise<number> {
  let created = 0;
  const today = dayInAmsterdam(now);
  const scan = await prisma.zelfscan.findFirst({ where: { gemeente: { slug: "delft" }, meetronde: { name: OPEN_ROUND } }, select: { id: true } });
  const [collega, beleid] = await Promise.all(
    ["collega@delft.example", "beleid@delft.example"].map((email) => prisma.user.findUnique({ where: { email }, select: { id: true } })),
  );
  if (scan && collega && beleid && (await prisma.verbeteractie.count({ where: { zelfscanId: scan.id } })) === 0) {
    await prisma.$transaction(async (tx) => {
      const owned = await tx.verbeteractie.create({
        data: {
          zelfscanId: scan.id,
          onderdeelIds: ["7a"],
          title: "Werkafspraken met het wijkteam over huiselijk geweld vastleggen",
          description: "Leg met de aanbieder van het wijkteam vast wanneer en hoe het wijkteam Veilig Thuis inschakelt.",
          ownerId: collega.id,
          ownerRole: "Beleidsmedewerker jeugd",
          partners: ["Wijkteamaanbieder"],
          deadline: endOfDayInAmsterdam("2027-03-31"),
          status: "IN_UITVOERING",
          priority: "HOOG",
          doelscore: 3,
          position: 0,
        },
      });
      await tx.actieVoortgang.createMany({
        data: [
          {
            verbeteractieId: owned.id,
            status: "GEPLAND",
            note: "Eerste gesprek met de aanbieder gepland.",
            notedOn: startOfDayInAmsterdam(addDays(today, -21)),
            authorId: collega.id,
          },
          {
            verbeteractieId: owned.id,
            status: "IN_UITVOERING",
            note: "Concept-werkafspraken besproken met het wijkteam.",
            notedOn: startOfDayInAmsterdam(addDays(today, -7)),
            authorId: collega.id,
          },
        ],
      });
      await tx.verbeteractie.createMany({
        data: [
          {
            zelfscanId: scan.id,
            onderdeelIds: ["10c"],
            title: "Signalen van Veilig Thuis terugkoppelen aan het wijkteam",
            description: "Veilig Thuis Haaglanden meldt het wijkteam binnen vijf werkdagen wat er met een melding is gebeurd.",
            ownerName: "Veilig Thuis Haaglanden",
            partners: ["Wijkteamaanbieder"],
            deadline: endOfDayInAmsterdam("2027-05-31"),
            status: "GEPLAND",
            priority: "MIDDEN",
            doelscore: 2,
            position: 1,
          },
          {
            zelfscanId: scan.id,
            onderdeelIds: ["3a"],
            title: "Het beleid huiselijk geweld laten vaststellen door het college",
            description: "Het geactualiseerde beleid ter besluitvorming aan het college voorleggen.",
            ownerId: beleid.id,
            ownerRole: "Coördinerend beleidsmedewerker",
            deadline: endOfDayInAmsterdam("2027-06-30"),
            status: "GEPLAND",
            priority: "MIDDEN",
            doelscore: 3,
            position: 2,
          },
        ],
      });
    });
    created += 3;
  }
  // The closed rounds' actions: a history that leads to their status, dated before their deadline.
  const closed = await prisma.verbeteractie.findMany({
    where: { zelfscan: { meetronde: { status: "GESLOTEN" } }, voortgang: { none: {} } },
    select: { id: true, status: true, deadline: true, createdAt: true },
    orderBy: { id: "asc" },
  });
  for (const actie of closed) {
    const end = dayInAmsterdam(actie.deadline ?? actie.createdAt);
    const steps = STEPS[actie.status];
    await prisma.actieVoortgang.createMany({
      data: steps.map((status, index) => ({
        verbeteractieId: actie.id,
        status,
        note: STEP_NOTE[status],
        notedOn: startOfDayInAmsterdam(addDays(end, -30 * (steps.length - 1 - index) - 7)),
      })),
    });
    created += steps.length;
  }
  return created;
}
