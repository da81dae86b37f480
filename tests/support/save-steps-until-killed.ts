// Child process of tests/integration/crash.test.ts: saves whole steps of one scan through the data
// layer as fast as it can and prints the number of every step the database acknowledged, until it
// is killed. Step n writes "stap n" into every answer of eis (n mod 10) + 1.
import { createDatabase } from "@/lib/db/client";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { saveStep } from "@/lib/zelfscan/mutations";
import { actorOf } from "./factories";

const [kind, target, zelfscanId, userId] = process.argv.slice(2) as ["embedded" | "postgresql", string, string, string];
const db = createDatabase(kind === "embedded" ? { kind, dataDir: target } : { kind, url: target });
const actor = actorOf(await db.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: true } }));
const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const versions = new Map((await db.prisma.answer.findMany({ where: { zelfscanId } })).map((row) => [row.onderdeelId, row.version]));

for (let step = 1; ; step++) {
  const requirement = framework.requirements[step % framework.requirements.length]!;
  const answers = Object.fromEntries(
    requirement.onderdelen.map((onderdeel) => [
      onderdeel.id,
      {
        baseVersion: versions.get(onderdeel.id) ?? 0,
        answer: { score: 1, weetIkNiet: false, toelichting: `stap ${step}`, vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: 3 },
      },
    ]),
  );
  const result = await saveStep(db, actor, { zelfscanId, requirementNumber: requirement.number, answers });
  if (result.status !== "ok") {
    console.error(JSON.stringify(result));
    process.exit(2);
  }
  for (const answer of result.data) versions.set(answer.onderdeelId, answer.version);
  process.stdout.write(`${step}\n`);
}
