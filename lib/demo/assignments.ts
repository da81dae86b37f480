// The demo's assignments (issue 15): in Delft's scan of the open round, the coordinator
// beleid@delft.example has handed two unanswered eisen to collega@delft.example, one due within
// three days of the seed's `now` and one in about three weeks, and one onderdeel that is overdue;
// and one onderdeel to herself. Relative to `now`, so the "due soon" and "overdue" states show on
// any day the demo is seeded. Written once (the unique index): seeding again adds nothing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getFramework } from "@/lib/framework";
import { addDays, dayInAmsterdam, endOfDayInAmsterdam } from "@/lib/shared/dates";

/** Delft answered its first 20 onderdelen in framework order (up to 7f): eisen 8 and 10 and onderdeel 9 are open. */
const DEMO_ASSIGNMENTS = [
  { email: "collega@delft.example", eis: 8, days: 2, note: "Graag samen met de contractmanager van het wijkteam." },
  { email: "collega@delft.example", eis: 10, days: 21, note: "" },
  { email: "collega@delft.example", eis: 9, days: -2, note: "Dit hadden we vorige week afgesproken." },
  { email: "beleid@delft.example", eis: 10, days: 21, note: "" },
] as const;

export async function seedDemoAssignments(prisma: PrismaClient, input: { now: Date }): Promise<number> {
  const scan = await prisma.zelfscan.findFirst({
    where: { gemeente: { slug: "delft" }, meetronde: { status: "OPEN" } },
    select: { id: true, frameworkVersion: true, gemeente: { select: { coordinatorId: true } } },
  });
  if (!scan) return 0;
  const framework = getFramework(scan.frameworkVersion);
  const users = await prisma.user.findMany({ where: { email: { in: DEMO_ASSIGNMENTS.map((row) => row.email) } }, select: { id: true, email: true } });
  const today = dayInAmsterdam(input.now);
  const data = DEMO_ASSIGNMENTS.flatMap((row) => {
    const userId = users.find((user) => user.email === row.email)?.id;
    const requirement = framework.requirements.find((candidate) => candidate.number === row.eis);
    if (!userId || !requirement) return [];
    // beleid herself takes only the last onderdeel of eis 10.
    const onderdelen = row.email === "beleid@delft.example" ? requirement.onderdelen.slice(-1) : requirement.onderdelen;
    return onderdelen.map((onderdeel) => ({
      zelfscanId: scan.id,
      onderdeelId: onderdeel.id,
      userId,
      dueOn: endOfDayInAmsterdam(addDays(today, row.days)),
      note: row.note,
      assignedById: scan.gemeente.coordinatorId,
    }));
  });
  const { count } = await prisma.assignment.createMany({ data, skipDuplicates: true });
  return count;
}
