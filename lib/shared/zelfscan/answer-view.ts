import type { TAnswerInput } from "./answer-schema";

/** An answer as the client sees it: the input fields plus its version and who changed it last. */
export type AnswerView = TAnswerInput & {
  itemId: string;
  carriedOver: boolean;
  version: number;
  updatedAt: string;
  lastEditedBy: string | null;
};

type AnswerRow = {
  itemId: string;
  score: number | null;
  unknown: boolean;
  toelichting: string;
  vastgelegdIn: string[];
  vastgelegdAnders: string;
  evidence: unknown;
  targetLevel: number;
  carriedOver: boolean;
  version: number;
  updatedAt: Date;
  lastEditedBy?: { name: string } | null;
};

export function toAnswerView(row: AnswerRow): AnswerView {
  return {
    itemId: row.itemId,
    score: row.score,
    unknown: row.unknown,
    toelichting: row.toelichting,
    vastgelegdIn: row.vastgelegdIn as AnswerView["vastgelegdIn"],
    vastgelegdAnders: row.vastgelegdAnders,
    evidence: Array.isArray(row.evidence) ? (row.evidence as AnswerView["evidence"]) : [],
    targetLevel: row.targetLevel,
    carriedOver: row.carriedOver,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    lastEditedBy: row.lastEditedBy?.name ?? null,
  };
}
