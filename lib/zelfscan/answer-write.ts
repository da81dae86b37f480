// The two SQL statements of every autosave and step save, sent straight to the database driver.
// Everything else in the application goes through Prisma; this path does not, because it is the
// one that runs most often (every answer of every officer) and Prisma's query compiler costs more
// than the statements themselves. Both statements decide by the SQL form of the rule "may this
// scan be changed" (lib/access/rules/editable.ts): only the actor's own gemeenten, an editable
// state; and the write by the SQL form of "may this onderdeel be changed"
// (lib/access/rules/coordinates.ts): while the scan lets only assignees change their onderdelen,
// an onderdeel of someone else makes the whole save write nothing. They are written with Prisma.sql so that the rule's fragments bring their own parameters;
// the driver gets the statement's text and values.
import "server-only";
import type { Grants } from "@/lib/access/grants";
import { mayEditOnderdeelSql, type Person } from "@/lib/access/rules/coordinates";
import { EDITABLE_STATE_SQL, editableGemeenteSql, type EditState } from "@/lib/access/rules/editable";
import type { SqlDriver } from "@/lib/db/driver";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TAnswerInput } from "@/lib/shared/zelfscan/answer-schema";

type Sql = Pick<SqlDriver, "query">;

const run = <T extends Record<string, unknown>>(sql: Sql, statement: Prisma.Sql) => sql.query<T>(statement.text, statement.values);

export type EditableScanRow = {
  id: string;
  frameworkVersion: string;
  gemeenteId: string;
  regioId: string;
  status: EditState["status"];
  meetrondeStatus: EditState["meetrondeStatus"];
  /** The verdict of EDITABLE_STATE_SQL on this row. */
  editable: boolean;
};

/** The scan with what decides whether it may be changed, when it belongs to one of the actor's gemeenten. */
export async function findScanInScope(sql: Sql, input: { zelfscanId: string; actor: Grants }): Promise<EditableScanRow | null> {
  const [row] = await run<EditableScanRow>(
    sql,
    Prisma.sql`SELECT z.id, z."frameworkVersion", z."gemeenteId", g."regioId", z.status::text AS status, m.status::text AS "meetrondeStatus",
            ${EDITABLE_STATE_SQL} AS editable
     FROM "Zelfscan" z
     JOIN "Gemeente" g ON g.id = z."gemeenteId"
     JOIN "Meetronde" m ON m.id = z."meetrondeId"
     WHERE z.id = ${input.zelfscanId} AND ${editableGemeenteSql(input.actor)}`,
  );
  return row ?? null;
}

/** An answer as it is stored: no score with "Weet ik niet", no other place unless "anders" is chosen. */
export function storedAnswer(answer: TAnswerInput): TAnswerInput {
  return {
    ...answer,
    score: answer.weetIkNiet ? null : answer.score,
    vastgelegdAnders: answer.vastgelegdIn.includes("anders") ? answer.vastgelegdAnders : "",
  };
}

/** One validated answer to write, based on the version the editor started from. */
export type AnswerWrite = { onderdeelId: string; baseVersion: number; answer: TAnswerInput; confirm: boolean };

type WrittenAnswer = { id: string; onderdeelId: string; version: number; carriedOver: boolean };

export type WriteOutcome =
  | { status: "written"; answers: WrittenAnswer[] }
  /** The scan is not (or no longer) in the actor's scope. */
  | { status: "not-found" }
  /** Submitted or its round closed since it was looked up. */
  | { status: "locked"; scan: EditState }
  /** The first answer of an onderdeel the actor may not change (assigned to others), and whom it is assigned to. */
  | { status: "not-theirs"; onderdeelId: string; assignees: string[] }
  /** The first answer whose stored version is not the one the save was based on. */
  | { status: "conflict"; onderdeelId: string };

/**
 * Writes the answers of one scan, with their audit entries, in one SQL statement: all of them or
 * none. The statement locks the scan row (FOR SHARE, so that a submit waits for it) and the answer
 * rows (FOR UPDATE, in id order, so that two step saves cannot deadlock), checks the scope, the
 * status and every version against the locked rows, and only then updates, inserts and audits.
 * A statement is atomic by itself: no transaction is held open between round trips, which on the
 * embedded database would make every other request wait. Two first saves of the same item at once
 * meet at the unique index: the second statement fails as a whole (23505), which is a conflict.
 */
export async function writeAnswers(
  sql: Sql,
  input: { zelfscanId: string; actor: Person; actorId: string; ip: string | null; now: Date; answers: AnswerWrite[] },
): Promise<WriteOutcome> {
  const rows = input.answers.map(({ onderdeelId, baseVersion, answer, confirm }, index) => ({
    ord: index,
    onderdeelId,
    baseVersion,
    confirm,
    ...storedAnswer(answer),
  }));
  const [result] = await run<{
    status: string | null;
    meetrondeStatus: string | null;
    editable: boolean | null;
    conflictOnderdeel: string | null;
    forbiddenOnderdeel: string | null;
    forbiddenAssignees: string[] | null;
    written: WrittenAnswer[] | null;
  }>(sql, writeAnswersStatement({ ...input, answers: JSON.stringify(rows) }));
  if (!result?.status) return { status: "not-found" };
  if (!result.editable) return { status: "locked", scan: { status: result.status, meetrondeStatus: result.meetrondeStatus } as EditState };
  if (result.forbiddenOnderdeel) return { status: "not-theirs", onderdeelId: result.forbiddenOnderdeel, assignees: result.forbiddenAssignees ?? [] };
  if (result.conflictOnderdeel) return { status: "conflict", onderdeelId: result.conflictOnderdeel };
  // json_agg gives no order; the caller gets the answers in the order it sent them.
  const byOnderdeel = new Map((result.written ?? []).map((answer) => [answer.onderdeelId, answer]));
  return { status: "written", answers: input.answers.map((answer) => byOnderdeel.get(answer.onderdeelId)!) };
}

// The statement: the answers as JSON, now stored as UTC like Prisma does, the client address for
// the audit entries.
function writeAnswersStatement(input: { zelfscanId: string; actor: Person; actorId: string; ip: string | null; now: Date; answers: string }): Prisma.Sql {
  const actorId = Prisma.sql`${input.actorId}::text`;
  const now = Prisma.sql`(${input.now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`
WITH
scan AS (
  SELECT z.id, z."gemeenteId", g."regioId", z.status::text AS status, m.status::text AS "meetrondeStatus",
         ${EDITABLE_STATE_SQL} AS editable
  FROM "Zelfscan" z
  JOIN "Gemeente" g ON g.id = z."gemeenteId"
  JOIN "Meetronde" m ON m.id = z."meetrondeId"
  WHERE z.id = ${input.zelfscanId} AND ${editableGemeenteSql(input.actor)}
  FOR SHARE OF z
),
input AS (
  SELECT * FROM jsonb_to_recordset(${input.answers}::jsonb) AS i(
    ord int, "onderdeelId" text, "baseVersion" int, score int, "weetIkNiet" boolean, toelichting text,
    "vastgelegdIn" text[], "vastgelegdAnders" text, evidence jsonb, "doelniveau" int, confirm boolean)
),
current AS (
  SELECT a.id, a."onderdeelId", a.version, a.score, a."weetIkNiet", a.toelichting, a."carriedOver"
  FROM "Answer" a
  WHERE a."zelfscanId" = (SELECT id FROM scan) AND a."onderdeelId" IN (SELECT "onderdeelId" FROM input)
  ORDER BY a.id
  FOR UPDATE OF a
),
verdict AS (
  SELECT s.status, s."meetrondeStatus", s.editable,
    (SELECT i."onderdeelId" FROM input i LEFT JOIN current c ON c."onderdeelId" = i."onderdeelId"
     WHERE COALESCE(c.version, 0) <> i."baseVersion"
     ORDER BY i.ord LIMIT 1) AS "conflictOnderdeel",
    (SELECT i."onderdeelId" FROM input i CROSS JOIN "Zelfscan" z JOIN "Gemeente" g ON g.id = z."gemeenteId"
     WHERE z.id = s.id AND NOT ${mayEditOnderdeelSql(input.actor, Prisma.sql`i."onderdeelId"`)}
     ORDER BY i.ord LIMIT 1) AS "forbiddenOnderdeel"
  FROM scan s
),
go AS (
  SELECT true AS go FROM verdict
  WHERE editable AND "conflictOnderdeel" IS NULL AND "forbiddenOnderdeel" IS NULL
),
updated AS (
  UPDATE "Answer" a
  SET score = i.score, "weetIkNiet" = i."weetIkNiet", toelichting = i.toelichting, "vastgelegdIn" = i."vastgelegdIn",
      "vastgelegdAnders" = i."vastgelegdAnders", evidence = i.evidence, "doelniveau" = i."doelniveau",
      "carriedOver" = c."carriedOver" AND NOT i.confirm, version = a.version + 1,
      "lastEditedById" = ${actorId}, "updatedAt" = ${now}
  FROM input i JOIN current c ON c."onderdeelId" = i."onderdeelId"
  WHERE a.id = c.id AND a.version = i."baseVersion" AND EXISTS (SELECT 1 FROM go)
  RETURNING a.id, a."onderdeelId", a.version, a."carriedOver",
    jsonb_build_object('score', c.score, 'weetIkNiet', c."weetIkNiet", 'toelichting', c.toelichting) AS van,
    jsonb_build_object('score', a.score, 'weetIkNiet', a."weetIkNiet", 'toelichting', a.toelichting) AS naar
),
inserted AS (
  INSERT INTO "Answer" (id, "zelfscanId", "onderdeelId", score, "weetIkNiet", toelichting, "vastgelegdIn", "vastgelegdAnders",
                        evidence, "doelniveau", "carriedOver", version, "lastEditedById", "createdAt", "updatedAt")
  SELECT gen_random_uuid()::text, ${input.zelfscanId}::text, i."onderdeelId", i.score, i."weetIkNiet", i.toelichting, i."vastgelegdIn", i."vastgelegdAnders",
         i.evidence, i."doelniveau", false, 1, ${actorId}, ${now}, ${now}
  FROM input i
  WHERE NOT EXISTS (SELECT 1 FROM current c WHERE c."onderdeelId" = i."onderdeelId") AND EXISTS (SELECT 1 FROM go)
  RETURNING id, "onderdeelId", version, "carriedOver", NULL::jsonb AS van,
    jsonb_build_object('score', score, 'weetIkNiet', "weetIkNiet", 'toelichting', toelichting) AS naar
),
written AS (
  SELECT * FROM updated UNION ALL SELECT * FROM inserted
),
audited AS (
  INSERT INTO "AuditEntry" (id, at, "actorId", action, "targetType", "targetId", "gemeenteId", "regioId", details, ip)
  SELECT gen_random_uuid()::text, ${now}, ${actorId}, 'antwoord.opgeslagen', 'Answer', w.id,
         s."gemeenteId", s."regioId",
         jsonb_build_object('zelfscanId', s.id, 'itemId', w."onderdeelId", 'versie', w.version, 'van', w.van, 'naar', w.naar), ${input.ip}::text
  FROM written w CROSS JOIN scan s
)
SELECT v.status, v."meetrondeStatus", v.editable, v."conflictOnderdeel", v."forbiddenOnderdeel",
  (SELECT json_agg(u.name ORDER BY u.name) FROM "Assignment" t JOIN "User" u ON u.id = t."userId"
   WHERE t."zelfscanId" = ${input.zelfscanId}::text AND t."onderdeelId" = v."forbiddenOnderdeel") AS "forbiddenAssignees",
  (SELECT json_agg(json_build_object('id', w.id, 'onderdeelId', w."onderdeelId", 'version', w.version, 'carriedOver', w."carriedOver")) FROM written w) AS written
FROM (SELECT 1) one LEFT JOIN verdict v ON true`;
}
