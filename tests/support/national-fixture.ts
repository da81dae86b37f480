// The national-scale fixture, shared by the integration tests and the bench (scripts/bench):
// regions of gemeenten with, per region, 3 rounds (2021, 2023, 2025; the last one open), every scan
// submitted with all 38 items answered. Scores come from a seeded random generator, so every run
// builds the same data. The default is 342 gemeenten in 25 regions (17 of 14 and 8 of 13):
// 1,026 scans, 38,988 answers.
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
    await prisma.gemeente.createMany({
      data: Array.from({ length: region.gemeenten }, (_, index) => ({
        name: `Gemeente ${region.slug}-${index + 1}`,
        slug: `${region.slug}-${index + 1}`,
        regioId: regio.id,
      })),
    });
    const gemeenten = await prisma.gemeente.findMany({ where: { regioId: regio.id } });
    for (const [index, year] of NATIONAL_YEARS.entries()) {
      const meetronde = await prisma.meetronde.create({
        data: {
          regioId: regio.id,
          name: `Ronde ${year}`,
          startsOn: new Date(Date.UTC(year, 0, 10)),
          deadline: new Date(Date.UTC(year, 2, 31)),
          status: index === 2 ? "OPEN" : "GESLOTEN",
          frameworkId: framework.id,
          frameworkVersion: framework.version,
        },
      });
      await prisma.zelfscan.createMany({
        data: gemeenten.map((gemeente) => ({
          gemeenteId: gemeente.id,
          meetrondeId: meetronde.id,
          frameworkId: framework.id,
          frameworkVersion: framework.version,
          status: "INGEDIEND" as const,
        })),
      });
      const scans = await prisma.zelfscan.findMany({ where: { meetrondeId: meetronde.id }, select: { id: true } });
      await prisma.answer.createMany({
        data: scans.flatMap((scan) =>
          framework.onderdelen.map((onderdeel) => {
            const weetIkNiet = random() < 0.04;
            const score = weetIkNiet ? null : Math.min(3, Math.floor(random() * 4 + index * 0.3));
            return {
              zelfscanId: scan.id,
              onderdeelId: onderdeel.id,
              score,
              weetIkNiet,
              toelichting: score === 3 ? "" : `Toelichting bij ${onderdeel.id}: nog niet volledig geborgd in de werkinstructie.`,
              version: 1,
            };
          }),
        ),
      });
    }
  }
  return leaders;
}
