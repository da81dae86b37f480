// The versions of the kwaliteitskader: shipped in content/frameworks, loaded by the beheerder so
// that project leaders can choose them for a new meetronde. Beheerder only; every attempt by
// anyone else is refused and audited, whatever the version.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { getFramework, listFrameworkVersions } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZId } from "@/lib/shared/forms/id";
import { invalid, ok } from "@/lib/shared/result";

const frameworkVersionId = (version: string) => {
  const framework = getFramework(version);
  return `${framework.id}@${framework.version}`;
};

/** Versions shipped in content/ and whether an administrator has loaded them; null (after logging) for anyone else. */
export async function listFrameworkVersionsForBeheer(prisma: PrismaClient, actor: Actor) {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "FrameworkVersion" }, "kaderversies bekijken");
    return null;
  }
  const loaded = await prisma.frameworkVersion.findMany();
  return listFrameworkVersions().map((version) => {
    const framework = getFramework(version);
    const row = loaded.find((entry) => entry.id === `${framework.id}@${framework.version}`);
    return { version, title: framework.title, onderdelen: framework.onderdelen.length, adoptedOn: framework.adoptedOn, loadedAt: row?.loadedAt ?? null };
  });
}

const NOT_SHIPPED = "Deze versie staat niet in content/frameworks.";

/** Loads a shipped version ({ version }): from then on a new meetronde may use it. */
export const loadFrameworkVersion = mutation({
  handeling: "kaderversie laden",
  schema: z.strictObject({ version: ZId }),
  async run(prisma, actor, { version }) {
    const shipped = listFrameworkVersions().includes(version);
    if (!isBeheerder(actor)) return refused({ type: "FrameworkVersion", id: shipped ? frameworkVersionId(version) : version });
    if (!shipped) return invalid({ version: NOT_SHIPPED }, NOT_SHIPPED);
    const framework = getFramework(version);
    const id = frameworkVersionId(version);
    await prisma.$transaction(async (tx) => {
      await tx.frameworkVersion.upsert({
        where: { id },
        create: { id, frameworkId: framework.id, version: framework.version, loadedById: actor.userId },
        update: {},
      });
      await recordAudit(tx, { actorId: actor.userId, action: "kaderversie.geladen", targetType: "FrameworkVersion", targetId: id });
    });
    return ok();
  },
});
