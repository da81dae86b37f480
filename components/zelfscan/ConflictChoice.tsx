// A colleague saved the item while the user was editing it: both answers side by side, and the
// user chooses which one stays. Nothing is saved until they do.
import type { TAnswerInput } from "@/lib/shared/zelfscan/answer-schema";
import type { AnswerView } from "@/lib/shared/zelfscan/answer-view";
import { formatTime } from "./answer-client";
import type { ScaleView } from "./AnswerEditor";

function choiceLabel(scale: ScaleView, answer: Pick<AnswerView, "score" | "weetIkNiet">): string {
  if (answer.score === null && !answer.weetIkNiet) return "Nog niet beantwoord";
  if (answer.weetIkNiet) return scale.weetIkNiet.label;
  const level = scale.levels.find((candidate) => candidate.value === answer.score);
  return level ? `${level.value} – ${level.label}` : String(answer.score);
}

export function ConflictChoice({
  id,
  scale,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  id: string;
  scale: ScaleView;
  mine: TAnswerInput;
  theirs: AnswerView | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <div role="group" aria-labelledby={id} className="rounded border-2 border-amber-700 bg-amber-50 p-3">
      <h4 id={id} className="font-semibold">
        Iemand anders heeft dit onderdeel intussen gewijzigd
      </h4>
      {theirs ? (
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <div>
            <p className="font-semibold">Uw antwoord</p>
            <p>{choiceLabel(scale, mine)}</p>
            <p className="whitespace-pre-line">{mine.toelichting || "(geen toelichting)"}</p>
          </div>
          <div>
            <p className="font-semibold">
              Antwoord van {theirs.lastEditedBy ?? "een collega"}, om {formatTime(theirs.updatedAt)}
            </p>
            <p>{choiceLabel(scale, theirs)}</p>
            <p className="whitespace-pre-line">{theirs.toelichting || "(geen toelichting)"}</p>
          </div>
        </div>
      ) : (
        <p>Laad de pagina opnieuw om het andere antwoord te zien; uw invoer blijft in deze browser bewaard.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="button" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white" onClick={onKeepMine}>
          Mijn antwoord bewaren
        </button>
        {theirs && (
          <button type="button" className="rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800" onClick={onTakeTheirs}>
            Het andere antwoord overnemen
          </button>
        )}
      </div>
    </div>
  );
}
