// The national-scale fixture, shared by the integration tests and the bench (scripts/bench):
// regions of gemeenten with, per region, 3 rounds (2021, 2023, 2025; the last one open), every scan
// submitted with all 38 items answered. Scores come from a seeded random generator, so every run
// builds the same data. The default is 342 gemeenten in 25 regions (17 of 14 and 8 of 13):
// 1,026 scans, 38,988 answers.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const NATIONAL_REGIONS: readonly { slug: string; gemeenten: number }[] = Array.from({ length: 25 }, (_, index) => ({
  slug: `r${index + 1}`,
  gemeenten: index < 17 ? 14 : 13,
}));

export const NATIONAL_YEARS = [2021, 2023, 2025] as const;

/** Fills the database; returns, per region slug, an actor who leads that region. */
export async function fillNationalFixture(
  prisma: PrismaClient,
  regions: readonly { slug: string; gemeenten: number }[] = NATIONAL_REGIONS,
): Promise<Map<string, Actor>> {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  const leaders = new Map<string, Actor>();
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  // Few statements: ids are made here, rows go in with createMany and the answers per year in one
  // INSERT ... SELECT FROM unnest(...), which keeps the fill to seconds on both databases.
  const answers = {
    zelfscanId: [] as string[],
    onderdeelId: [] as string[],
    score: [] as (number | null)[],
    weetIkNiet: [] as boolean[],
    toelichting: [] as string[],
  };
  for (const region of regions) {
    const regio = await prisma.regio.create({ data: { name: `Regio ${region.slug}`, slug: region.slug } });
    const user = await prisma.user.create({ data: { email: `leider@${region.slug}.example`, name: `Leider ${region.slug}` } });
    await prisma.roleGrant.create({ data: { userId: user.id, role: "PROJECTLEIDER", regioId: regio.id } });
    leaders.set(region.slug, {
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: "fixture",
      grants: [{ role: "PROJECTLEIDER", regioId: regio.id, gemeenteId: null }],
    });
    const gemeenten = Array.from({ length: region.gemeenten }, (_, index) => ({
      id: randomUUID(),
      name: `Gemeente ${region.slug}-${index + 1}`,
      slug: `${region.slug}-${index + 1}`,
      regioId: regio.id,
    }));
    await prisma.gemeente.createMany({ data: gemeenten });
    const rondes = NATIONAL_YEARS.map((year, index) => ({
      id: randomUUID(),
      regioId: regio.id,
      name: `Ronde ${year}`,
      startsOn: new Date(Date.UTC(year, 0, 10)),
      deadline: new Date(Date.UTC(year, 2, 31)),
      status: index === 2 ? ("OPEN" as const) : ("GESLOTEN" as const),
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    }));
    await prisma.meetronde.createMany({ data: rondes });
    const scans = rondes.flatMap((ronde, index) =>
      gemeenten.map((gemeente) => ({
        id: randomUUID(),
        index,
        gemeenteId: gemeente.id,
        meetrondeId: ronde.id,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        status: "INGEDIEND" as const,
      })),
    );
    await prisma.zelfscan.createMany({ data: scans.map(({ index: _index, ...scan }) => scan) });
    for (const scan of scans) {
      for (const onderdeel of framework.onderdelen) {
        const weetIkNiet = random() < 0.04;
        const score = weetIkNiet ? null : Math.min(3, Math.floor(random() * 4 + scan.index * 0.3));
        answers.zelfscanId.push(scan.id);
        answers.onderdeelId.push(onderdeel.id);
        answers.score.push(score);
        answers.weetIkNiet.push(weetIkNiet);
        answers.toelichting.push(score === 3 ? "" : `Toelichting bij ${onderdeel.id}: nog niet volledig geborgd in de werkinstructie.`);
      }
    }
  }
  const chunk = 15_000;
  for (let start = 0; start < answers.zelfscanId.length; start += chunk) {
    const slice = <T>(values: T[]) => values.slice(start, start + chunk);
    await prisma.$executeRaw`
      INSERT INTO "Answer" (id, "zelfscanId", "onderdeelId", score, "weetIkNiet", toelichting, version, "updatedAt")
      SELECT gen_random_uuid()::text, z, o, s, w, t, 1, now()
      FROM unnest(${slice(answers.zelfscanId)}::text[], ${slice(answers.onderdeelId)}::text[], ${slice(answers.score)}::int[], ${slice(answers.weetIkNiet)}::boolean[], ${slice(answers.toelichting)}::text[]) AS a(z, o, s, w, t)`;
  }
  return leaders;
}
