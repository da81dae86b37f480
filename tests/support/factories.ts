// Small builders for the integration tests: each makes the rows it is asked for, with sensible
// defaults and names of its own (unique per call), and returns them, so that a test asserts on
// data it made itself rather than on the demo world (lib/demo, which demo-seed.test.ts tests).
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import type { Grant } from "@/lib/access/grants";
import { hashPassword } from "@/lib/auth/password";
import { createSession, loadSession } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/client";
import { CURRENT_FRAMEWORK_VERSION, getFramework, type Onderdeel } from "@/lib/framework";
import type { ActieStatus, MeetrondeStatus, Prioriteit, ZelfscanStatus } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let made = 0;

/** A tag that no other call of this process gives: a counter and some random hex (for test files sharing a database server). */
function uniqueTag(): string {
  made += 1;
  return `${made}-${randomBytes(3).toString("hex")}`;
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// ---- Organisation -----------------------------------------------------------------------------

export async function createRegio(prisma: PrismaClient, input: { name?: string; gemeenten?: number | string[] } = {}) {
  const tag = uniqueTag();
  const name = input.name ?? `Regio ${tag}`;
  const regio = await prisma.regio.create({ data: { name, slug: `${slugOf(name)}-${tag}` } });
  const names =
    typeof input.gemeenten === "number" ? Array.from({ length: input.gemeenten }, (_, index) => `Gemeente ${tag}-${index + 1}`) : (input.gemeenten ?? []);
  const gemeenten = [];
  for (const gemeente of names) gemeenten.push(await createGemeente(prisma, { regio, name: gemeente }));
  return { ...regio, gemeenten };
}

async function createGemeente(prisma: PrismaClient, input: { regio: { id: string }; name?: string }) {
  const tag = uniqueTag();
  const name = input.name ?? `Gemeente ${tag}`;
  return prisma.gemeente.create({ data: { name, slug: `${slugOf(name)}-${tag}`, regioId: input.regio.id } });
}

// ---- Users and who they act as ----------------------------------------------------------------

export const officerOf = (gemeente: { id: string }): Grant => ({ role: "BELEIDSMEDEWERKER", gemeenteId: gemeente.id, regioId: null });
export const leaderOf = (regio: { id: string }): Grant => ({ role: "PROJECTLEIDER", gemeenteId: null, regioId: regio.id });
export const BEHEERDER: Grant = { role: "BEHEERDER", gemeenteId: null, regioId: null };

/** A user with the given grants (in that order); a password only when asked for (hashing takes a moment). */
export async function createUser(
  prisma: PrismaClient,
  input: { name?: string; email?: string; grants?: readonly Grant[]; password?: string; active?: boolean } = {},
) {
  const tag = uniqueTag();
  const user = await prisma.user.create({
    data: {
      email: (input.email ?? `gebruiker-${tag}@test.example`).toLowerCase(),
      name: input.name ?? `Gebruiker ${tag}`,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      active: input.active ?? true,
    },
  });
  const roles = [];
  // One by one, so that createdAt (and the grants' order in a loaded session) follows the input.
  for (const grant of input.grants ?? []) roles.push(await prisma.roleGrant.create({ data: { userId: user.id, ...grant } }));
  return { ...user, roles };
}

/** The Actor of a user as lib/auth/current.ts builds it, without a session row. */
export function actorOf(user: { id: string; email: string; name: string; roles: readonly Grant[] }): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionId: `test-${user.id}`,
    grants: user.roles.map((role) => ({ role: role.role, gemeenteId: role.gemeenteId, regioId: role.regioId })),
  };
}

/**
 * Signs the user in the way the application does: a session row, loaded as every request loads it
 * (lib/auth/sessions.ts), and the actor lib/auth/current.ts makes of it; null when the application
 * would have no actor (a deactivated account, a second factor still missing).
 */
export async function signIn(db: Pick<Database, "prisma" | "sql">, user: { id: string }, input: { mfaSatisfied?: boolean } = {}): Promise<Actor | null> {
  const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: input.mfaSatisfied ?? true });
  const session = await loadSession(db, sessionId);
  if (!session || !session.mfaSatisfied) return null;
  return { userId: session.user.id, email: session.user.email, name: session.user.name, sessionId, grants: session.user.grants };
}

// ---- Rounds, scans, answers --------------------------------------------------------------------

export async function createMeetronde(
  prisma: PrismaClient,
  input: { regio: { id: string }; status?: MeetrondeStatus; name?: string; startsOn?: Date; deadline?: Date; frameworkVersion?: string },
) {
  const framework = getFramework(input.frameworkVersion ?? CURRENT_FRAMEWORK_VERSION);
  const startsOn = input.startsOn ?? new Date("2026-01-01T00:00:00Z");
  return prisma.meetronde.create({
    data: {
      regioId: input.regio.id,
      name: input.name ?? `Meetronde ${uniqueTag()}`,
      status: input.status ?? "OPEN",
      startsOn,
      deadline: input.deadline ?? new Date(startsOn.getTime() + 180 * 86_400_000),
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    },
  });
}

export type AnswerSpec = { score: number | null; weetIkNiet?: boolean; toelichting?: string; doelniveau?: number };

/**
 * A scan of the gemeente in the round. `answers`: how many items (in framework order) are
 * answered, "all", or a function giving each item's answer (null leaves it open). By default an
 * item's score is its position modulo 4, with a toelichting. Submitted and reopened scans get the
 * dates and people of those steps.
 */
export async function createZelfscan(
  prisma: PrismaClient,
  input: {
    gemeente: { id: string };
    meetronde: { id: string; frameworkVersion: string };
    status?: ZelfscanStatus;
    answers?: number | "all" | ((onderdeel: Onderdeel, index: number) => AnswerSpec | null);
    editor?: { id: string };
  },
) {
  const framework = getFramework(input.meetronde.frameworkVersion);
  const status = input.status ?? "CONCEPT";
  const given = input.answers ?? 0;
  const count = given === "all" ? framework.onderdelen.length : typeof given === "number" ? given : 0;
  const spec =
    typeof given === "function"
      ? given
      : (_item: Onderdeel, index: number): AnswerSpec | null => (index < count ? { score: index % (framework.scale.max + 1) } : null);
  const answers = framework.onderdelen.flatMap((onderdeel, index) => {
    const answer = spec(onderdeel, index);
    return answer ? [{ onderdeel, answer }] : [];
  });
  const submitted = status !== "CONCEPT";
  const scan = await prisma.zelfscan.create({
    data: {
      gemeenteId: input.gemeente.id,
      meetrondeId: input.meetronde.id,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      status,
      submittedAt: submitted ? new Date("2026-03-01T12:00:00Z") : null,
      submittedById: submitted ? (input.editor?.id ?? null) : null,
      reopenedAt: status === "HEROPEND" ? new Date("2026-03-08T12:00:00Z") : null,
      reopenReason: status === "HEROPEND" ? "Graag eis 1 aanvullen." : null,
      answers: {
        create: answers.map(({ onderdeel, answer }) => ({
          onderdeelId: onderdeel.id,
          score: answer.weetIkNiet ? null : answer.score,
          weetIkNiet: answer.weetIkNiet ?? false,
          toelichting: answer.toelichting ?? `Toelichting bij onderdeel ${onderdeel.id}.`,
          doelniveau: answer.doelniveau ?? 3,
          version: 1,
          lastEditedById: input.editor?.id ?? null,
        })),
      },
    },
    include: { answers: { orderBy: { onderdeelId: "asc" } } },
  });
  return scan;
}

// ---- Verbeterplan and comments -----------------------------------------------------------------

export async function createVerbeteractie(
  prisma: PrismaClient,
  input: { zelfscan: { id: string }; onderdeelIds?: string[]; title?: string; status?: ActieStatus; priority?: Prioriteit; draft?: boolean },
) {
  const position = await prisma.verbeteractie.count({ where: { zelfscanId: input.zelfscan.id } });
  return prisma.verbeteractie.create({
    data: {
      zelfscanId: input.zelfscan.id,
      onderdeelIds: input.onderdeelIds ?? [],
      title: input.title ?? `Verbeteractie ${uniqueTag()}`,
      description: "Afspraken maken en vastleggen.",
      ownerName: "Eigenaar Test",
      ownerRole: "Beleidsmedewerker",
      status: input.status ?? "GEPLAND",
      priority: input.priority ?? "MIDDEN",
      draft: input.draft ?? false,
      position,
    },
  });
}

export async function createComment(
  prisma: PrismaClient,
  input: { zelfscan: { id: string }; author: { id: string }; onderdeelId: string; body?: string; parent?: { id: string } },
) {
  return prisma.comment.create({
    data: {
      zelfscanId: input.zelfscan.id,
      authorId: input.author.id,
      onderdeelId: input.onderdeelId,
      parentId: input.parent?.id ?? null,
      body: input.body ?? `Opmerking ${uniqueTag()}`,
    },
  });
}
