// Changing zelfscans. Every function takes the acting user, checks access inside its database
// query and writes its audit entry in the same transaction as the change: a failure writes nothing.
// Every one is a mutation (lib/actions/mutation.ts) that answers with a Result.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { canLeadRegio } from "@/lib/access/rules/leads-region";
import { officerZelfscanWhere } from "@/lib/access/rules/editable";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { mutation, refused, type Mutation, type Refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { personOf } from "@/lib/mail/recipients";
import { queueZelfscanHeropend, queueZelfscanIngediend } from "@/lib/mail/zelfscan-events";
import { getFramework, getOnderdeel, type Framework } from "@/lib/framework";
import { countSave } from "@/lib/observability/save-metrics";
import { ZId } from "@/lib/shared/forms/id";
import { conflict, invalid, invalidFromZod, locked, ok, type FieldErrors, type Invalid, type Result } from "@/lib/shared/result";
import { saveAnswerRequestSchema } from "@/lib/shared/zelfscan/answer-schema";
import { toAnswerView, type AnswerView } from "@/lib/shared/zelfscan/answer-view";
import { ZReopenSchema } from "@/lib/shared/zelfscan/reopen-schema";
import { findScanInScope, storedAnswer, writeAnswers, type AnswerWrite, type WriteOutcome } from "./answer-write";
import { editableZelfscanWhere, isEditable, lockMessage, type EditState } from "@/lib/access/rules/editable";
import { maySubmit, submittableZelfscanWhere } from "@/lib/access/rules/coordinates";
import { checklistRefusal, notSubmitterMessage, submitChecklist } from "@/lib/shared/zelfscan/submit-checklist";

/** A save of one answer: the answer as stored, or (conflict) the one stored by someone else. */
export type SaveAnswerResult = Result<AnswerView, AnswerView | null>;
/** A save of a whole step: every answer as stored; a conflict carries the first stale answer as it is stored now. */
export type SaveStepResult = Result<AnswerView[], AnswerView | null>;

const SAVE_CONFLICT_MESSAGE = "Iemand anders heeft dit antwoord intussen gewijzigd. Vergelijk de twee versies en kies welke u wilt bewaren.";

function lockedResult(scan: EditState) {
  return locked(lockMessage(scan) ?? "Deze zelfscan kan niet meer worden gewijzigd.");
}

/** Why an onderdeel assigned to others cannot be changed by the actor (the scan's choice onlyAssigneesEdit). */
export function notTheirsMessage(onderdeelId: string, assignees: readonly string[]): string {
  if (!assignees.length) return `Onderdeel ${onderdeelId} is aan niemand toegewezen; alleen de coördinator kan het wijzigen.`;
  const names = assignees.length === 1 ? assignees[0] : `${assignees.slice(0, -1).join(", ")} en ${assignees.at(-1)}`;
  return `Onderdeel ${onderdeelId} is toegewezen aan ${names}; alleen zij en de coördinator kunnen het wijzigen.`;
}

/** Refused input of one answer: errors by the answer's own field names, and the first of them as the message (the wizard shows it). */
function invalidAnswer(fieldErrors: FieldErrors, fallback: string): Invalid {
  return invalid(fieldErrors, Object.values(fieldErrors).find(Boolean) ?? fallback);
}

function parseSave(framework: Framework, onderdeelId: string, request: unknown): AnswerWrite | Invalid {
  if (!getOnderdeel(framework, onderdeelId))
    return invalid({ onderdeelId: "Dit onderdeel bestaat niet in het kwaliteitskader van deze zelfscan." }, "Onbekend onderdeel.");
  const parsed = saveAnswerRequestSchema(framework.scale.max).safeParse(request);
  if (!parsed.success) {
    // Keyed by the answer's own field names ("toelichting", "evidence.0.url"), as the form has them.
    const refusal = invalidFromZod(parsed.error, { under: "answer" });
    return invalidAnswer(refusal.fieldErrors, refusal.message);
  }
  return { onderdeelId, baseVersion: parsed.data.baseVersion, answer: parsed.data.answer, confirm: parsed.data.confirm ?? false };
}

const isInvalid = (value: AnswerWrite | AnswerWrite[] | Invalid): value is Invalid => "status" in value;

// A scan's framework version is pinned when the scan is created and never changes, so once known
// it is taken from here instead of the database. Bounded: the oldest entries make way.
const frameworkVersions = new Map<string, string>();
const FRAMEWORK_VERSIONS_KEPT = 10_000;

function rememberFrameworkVersion(zelfscanId: string, version: string) {
  if (frameworkVersions.size >= FRAMEWORK_VERSIONS_KEPT) frameworkVersions.delete(frameworkVersions.keys().next().value!);
  frameworkVersions.set(zelfscanId, version);
}

/**
 * The save path of autosave and of a whole step: validate the answers against the scan's
 * framework version and write them with their audit entries in one statement (answer-write.ts),
 * which checks scope, status and versions as it writes. The first save of a scan in this process
 * looks the scan up first (in scope, editable), to learn its framework version; invalid input is
 * only reported to someone who may edit the scan, anyone else gets "not found".
 */
async function saveAnswers<T>(
  db: Database,
  actor: Actor,
  input: { zelfscanId: string; ip: string | null },
  validate: (framework: Framework) => AnswerWrite[] | Invalid,
  saved: (answers: AnswerView[]) => T,
): Promise<Result<T, AnswerView | null> | Refused> {
  const outOfScope = refused({ type: "Zelfscan", id: input.zelfscanId });
  const lookUp = () => findScanInScope(db.sql, { zelfscanId: input.zelfscanId, actor });
  let version = frameworkVersions.get(input.zelfscanId);
  let inScope = false;
  if (version === undefined) {
    const scan = await lookUp();
    if (!scan) return outOfScope;
    if (!scan.editable) return lockedResult(scan);
    version = scan.frameworkVersion;
    inScope = true;
    rememberFrameworkVersion(scan.id, version);
  }
  const writes = validate(getFramework(version));
  if (isInvalid(writes)) return inScope || (await lookUp()) ? writes : outOfScope;
  const now = new Date();
  let outcome: WriteOutcome;
  try {
    outcome = await writeAnswers(db.sql, { zelfscanId: input.zelfscanId, actor, actorId: actor.userId, ip: input.ip, now, answers: writes });
  } catch (error) {
    // Two first saves of the same item at once: the unique index refuses the second statement.
    if (isUniqueViolation(error)) return conflict<AnswerView | null>(SAVE_CONFLICT_MESSAGE, null);
    throw error;
  }
  switch (outcome.status) {
    case "not-found":
      return outOfScope;
    case "locked":
      return lockedResult(outcome.scan);
    case "not-theirs":
      return locked(notTheirsMessage(outcome.onderdeelId, outcome.assignees));
    case "conflict": {
      const current = await db.prisma.answer.findUnique({
        where: { zelfscanId_onderdeelId: { zelfscanId: input.zelfscanId, onderdeelId: outcome.onderdeelId } },
        include: { lastEditedBy: { select: { name: true } } },
      });
      return conflict<AnswerView | null>(SAVE_CONFLICT_MESSAGE, current ? toAnswerView(current) : null);
    }
    case "written":
      // Exactly what was written (writes[index].answer is stored as normalised by storedAnswer):
      // no need to read it back.
      return ok(
        saved(
          outcome.answers.map((written, index) =>
            toAnswerView({ ...storedAnswer(writes[index]!.answer), ...written, updatedAt: now, lastEditedBy: { name: actor.name } }),
          ),
        ),
      );
  }
}

const ZIp = z.optional(z.nullable(z.string()));

/** A save whose every outcome is counted (zelfscan_saves_total, lib/observability/save-metrics.ts): here, once for both kinds of save. */
function counted<T, C>(save: Mutation<T, C, Database>): Mutation<T, C, Database> {
  return async (db, actor, input) => {
    const result = await save(db, actor, input);
    countSave(result.status);
    return result;
  };
}

/** Saves one answer (autosave): { zelfscanId, itemId, request: { baseVersion, answer, confirm? }, ip? }. */
export const saveAnswer = counted(
  mutation({
    schema: z.strictObject({ zelfscanId: ZId, onderdeelId: ZId, request: z.unknown(), ip: ZIp }),
    form: "request",
    async run(db: Database, actor, input): Promise<SaveAnswerResult | Refused> {
      return saveAnswers(
        db,
        actor,
        { zelfscanId: input.zelfscanId, ip: input.ip ?? null },
        (framework) => {
          const write = parseSave(framework, input.onderdeelId, input.request);
          return isInvalid(write) ? write : [write];
        },
        (answers) => answers[0]!,
      );
    },
  }),
);

/**
 * Saves all answers of one step (one eis) as one unit: all of them, or none. Refused input is
 * keyed by item and field ("8b.toelichting"), so that it names the answer it is about.
 */
export const saveStep = counted(
  mutation({
    schema: z.strictObject({ zelfscanId: ZId, requirementNumber: z.int(), answers: z.record(z.string(), z.unknown()), ip: ZIp }),
    form: "answers",
    async run(db: Database, actor, input): Promise<SaveStepResult | Refused> {
      return saveAnswers(
        db,
        actor,
        { zelfscanId: input.zelfscanId, ip: input.ip ?? null },
        (framework) => {
          const requirement = framework.requirements.find((candidate) => candidate.number === input.requirementNumber);
          const onderdeelIds = Object.keys(input.answers);
          if (!requirement || onderdeelIds.length === 0 || onderdeelIds.some((id) => !requirement.onderdelen.some((onderdeel) => onderdeel.id === id))) {
            return invalid({ onderdeelId: "Deze onderdelen horen niet bij deze stap." }, "Onbekend onderdeel in deze stap.");
          }
          const writes: AnswerWrite[] = [];
          for (const onderdeelId of onderdeelIds) {
            const write = parseSave(framework, onderdeelId, input.answers[onderdeelId]);
            if (isInvalid(write)) {
              return invalid(
                Object.fromEntries(Object.entries(write.fieldErrors).map(([field, message]) => [`${onderdeelId}.${field}`, message])),
                write.message,
              );
            }
            writes.push(write);
          }
          return writes;
        },
        (answers) => answers,
      );
    },
  }),
);

/**
 * Starts the gemeente's scan in an open round (or returns the one that exists). With carryOver,
 * the answers of the gemeente's previous scan are copied as "overgenomen" until confirmed.
 */
export const startZelfscan = mutation({
  schema: z.strictObject({ gemeenteId: ZId, meetrondeId: ZId, carryOver: z.boolean() }),
  async run(prisma, actor, input) {
    const meetronde = await prisma.meetronde.findFirst({
      where: { id: input.meetrondeId, regio: { gemeenten: { some: { id: input.gemeenteId } } } },
    });
    if (!meetronde || !canEditGemeente(actor, { id: input.gemeenteId })) return refused({ type: "Meetronde", id: input.meetrondeId });
    if (meetronde.status !== "OPEN") return locked("Deze meetronde is niet open; u kunt er geen zelfscan in starten.");
    const existing = await prisma.zelfscan.findUnique({
      where: { gemeenteId_meetrondeId: { gemeenteId: input.gemeenteId, meetrondeId: meetronde.id } },
    });
    if (existing) return ok({ zelfscanId: existing.id });
    const framework = getFramework(meetronde.frameworkVersion);
    try {
      const scan = await prisma.$transaction(async (tx) => {
        const created = await tx.zelfscan.create({
          data: { gemeenteId: input.gemeenteId, meetrondeId: meetronde.id, frameworkId: meetronde.frameworkId, frameworkVersion: meetronde.frameworkVersion },
        });
        let carried = 0;
        if (input.carryOver) {
          const previous = await tx.zelfscan.findFirst({
            where: { gemeenteId: input.gemeenteId, id: { not: created.id }, meetronde: { startsOn: { lt: meetronde.startsOn } } },
            orderBy: { meetronde: { startsOn: "desc" } },
            include: { answers: true },
          });
          // Only items that exist with the same id in this round's framework version carry over.
          const answers = (previous?.answers ?? []).filter((answer) => getOnderdeel(framework, answer.onderdeelId));
          carried = answers.length;
          if (answers.length) {
            await tx.answer.createMany({
              data: answers.map((answer) => ({
                zelfscanId: created.id,
                onderdeelId: answer.onderdeelId,
                score: answer.score,
                weetIkNiet: answer.weetIkNiet,
                toelichting: answer.toelichting,
                vastgelegdIn: answer.vastgelegdIn,
                vastgelegdAnders: answer.vastgelegdAnders,
                evidence: answer.evidence ?? [],
                doelniveau: answer.doelniveau,
                carriedOver: true,
                version: 1,
                lastEditedById: actor.userId,
              })),
            });
          }
          // The evidence documents go along: the same library documents, linked to the new scan, also
          // on onderdelen that had a document but no answer yet.
          const links = previous
            ? (await tx.answerDocument.findMany({ where: { zelfscanId: previous.id }, select: { onderdeelId: true, documentId: true } })).filter((link) =>
                getOnderdeel(framework, link.onderdeelId),
              )
            : [];
          if (links.length) {
            await tx.answerDocument.createMany({ data: links.map((link) => ({ ...link, zelfscanId: created.id, addedById: actor.userId })) });
          }
        }
        const gemeenteRow = await tx.gemeente.findUniqueOrThrow({ where: { id: input.gemeenteId }, select: { regioId: true } });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "zelfscan.gestart",
          targetType: "Zelfscan",
          targetId: created.id,
          gemeenteId: input.gemeenteId,
          regioId: gemeenteRow.regioId,
          details: { meetronde: meetronde.name, overgenomen: carried },
        });
        return created;
      });
      return ok({ zelfscanId: scan.id });
    } catch (error) {
      // Two officers pressing "start" at once: the second finds the first one's scan.
      if (isUniqueViolation(error)) {
        const scan = await prisma.zelfscan.findUniqueOrThrow({
          where: { gemeenteId_meetrondeId: { gemeenteId: input.gemeenteId, meetrondeId: meetronde.id } },
        });
        return ok({ zelfscanId: scan.id });
      }
      throw error;
    }
  },
});

/**
 * Indienen ({ zelfscanId }): by the gemeente's coordinator, or any of its officers while it has
 * none (maySubmit, coordinates.ts); only a scan whose checklist is met (submit-checklist.ts) is locked.
 */
export const submitZelfscan = mutation({
  schema: z.strictObject({ zelfscanId: ZId }),
  async run(prisma, actor, { zelfscanId }) {
    const scan = await prisma.zelfscan.findFirst({
      where: { AND: [{ id: zelfscanId }, officerZelfscanWhere(actor)] },
      include: {
        answers: true,
        assignments: { select: { onderdeelId: true, userId: true, user: { select: { name: true } } } },
        gemeente: { select: { id: true, regioId: true, coordinatorId: true, coordinator: { select: { name: true } } } },
        meetronde: { select: { status: true } },
      },
    });
    if (!scan) return refused({ type: "Zelfscan", id: zelfscanId });
    const state: EditState = { status: scan.status, meetrondeStatus: scan.meetronde.status };
    if (!isEditable(state)) return lockedResult(state);
    if (!maySubmit(actor, scan.gemeente)) return invalid({}, notSubmitterMessage(scan.gemeente.coordinator?.name ?? null));
    const framework = getFramework(scan.frameworkVersion);
    const checklist = submitChecklist(
      framework,
      scan.answers,
      scan.assignments.map((assignment) => ({ onderdeelId: assignment.onderdeelId, userId: assignment.userId, userName: assignment.user.name })),
    );
    const refusal = checklistRefusal(framework, scan.answers, checklist);
    if (refusal) return invalid({}, refusal);
    const submitted = await prisma.$transaction(async (tx) => {
      // The rule again, as the condition of the update: a double submit (two tabs) or a round
      // closed in the meantime changes nothing.
      const submittedAt = new Date();
      const { count } = await tx.zelfscan.updateMany({
        where: { AND: [{ id: scan.id }, editableZelfscanWhere(actor), submittableZelfscanWhere(actor)] },
        data: { status: "INGEDIEND", submittedAt, submittedById: actor.userId },
      });
      if (count === 1) {
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "zelfscan.ingediend",
          targetType: "Zelfscan",
          targetId: scan.id,
          gemeenteId: scan.gemeenteId,
          regioId: scan.gemeente.regioId,
        });
        await queueZelfscanIngediend(tx, { zelfscanId: scan.id, actor: personOf(actor), submittedAt });
      }
      return count === 1;
    });
    if (submitted) return ok();
    const now = await prisma.zelfscan.findUniqueOrThrow({ where: { id: scan.id }, select: { status: true, meetronde: { select: { status: true } } } });
    return lockedResult({ status: now.status, meetrondeStatus: now.meetronde.status });
  },
});

/** The region's project leader reopens a submitted scan, with a reason the municipality sees ({ zelfscanId, values: { reden } }). */
export const reopenZelfscan = mutation({
  schema: z.strictObject({ zelfscanId: ZId, values: ZReopenSchema }),
  form: "values",
  async run(prisma, actor, { zelfscanId, values }) {
    const scan = await prisma.zelfscan.findFirst({
      where: { AND: [{ id: zelfscanId }, readableZelfscanWhere(actor)] },
      include: { gemeente: { select: { regioId: true } } },
    });
    if (!scan || !canLeadRegio(actor, scan.gemeente.regioId)) return refused({ type: "Zelfscan", id: zelfscanId });
    if (scan.status !== "INGEDIEND") return invalid({}, "Alleen een ingediende zelfscan kan worden heropend.");
    const reopened = await prisma.$transaction(async (tx) => {
      // Only what is still submitted: two leaders reopening at once reopen it (and tell the gemeente) once.
      const reopenedAt = new Date();
      const { count } = await tx.zelfscan.updateMany({
        where: { id: scan.id, status: "INGEDIEND" },
        data: { status: "HEROPEND", reopenedAt, reopenedById: actor.userId, reopenReason: values.reden },
      });
      if (count === 0) return false;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "zelfscan.heropend",
        targetType: "Zelfscan",
        targetId: scan.id,
        gemeenteId: scan.gemeenteId,
        regioId: scan.gemeente.regioId,
        details: { reden: values.reden },
      });
      await queueZelfscanHeropend(tx, { zelfscanId: scan.id, actor: personOf(actor), reopenedAt, reason: values.reden });
      return true;
    });
    if (!reopened) return invalid({}, "Alleen een ingediende zelfscan kan worden heropend.");
    return ok(null, "De zelfscan is heropend. De gemeente kan hem weer aanpassen en opnieuw indienen.");
  },
});
