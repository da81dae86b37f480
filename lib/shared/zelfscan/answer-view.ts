import type { TAnswerInput } from "./answer-schema";

/** An answer as the client sees it: the input fields plus its version and who changed it last. */
export type AnswerView = TAnswerInput & {
  onderdeelId: string;
  carriedOver: boolean;
  version: number;
  updatedAt: string;
  lastEditedBy: string | null;
};

type AnswerRow = {
  onderdeelId: string;
  score: number | null;
  weetIkNiet: boolean;
  toelichting: string;
  vastgelegdIn: string[];
  vastgelegdAnders: string;
  evidence: unknown;
  doelniveau: number;
  carriedOver: boolean;
  version: number;
  updatedAt: Date;
  lastEditedBy?: { name: string } | null;
};

export function toAnswerView(row: AnswerRow): AnswerView {
  return {
    onderdeelId: row.onderdeelId,
    score: row.score,
    weetIkNiet: row.weetIkNiet,
    toelichting: row.toelichting,
    vastgelegdIn: row.vastgelegdIn as AnswerView["vastgelegdIn"],
    vastgelegdAnders: row.vastgelegdAnders,
    evidence: Array.isArray(row.evidence) ? (row.evidence as AnswerView["evidence"]) : [],
    doelniveau: row.doelniveau,
    carriedOver: row.carriedOver,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    lastEditedBy: row.lastEditedBy?.name ?? null,
  };
}
