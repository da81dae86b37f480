// The browser side of saving one answer: the request, what its answer means, and the copy of
// unsaved input kept in sessionStorage so that a reload or a lost connection loses nothing.
import type { TAnswerInput } from "@/lib/shared/zelfscan/answer-schema";
import type { AnswerView } from "@/lib/shared/zelfscan/answer-view";

export type SaveOutcome =
  | { kind: "saved"; answer: AnswerView }
  | { kind: "conflict"; current: AnswerView | null; message: string }
  | { kind: "invalid"; errors: Record<string, string>; message: string }
  | { kind: "locked"; message: string }
  | { kind: "signed-out" }
  | { kind: "offline" };

export async function putAnswer(
  scanId: string,
  onderdeelId: string,
  body: { baseVersion: number; answer: TAnswerInput; confirm?: boolean },
): Promise<SaveOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/zelfscans/${scanId}/antwoorden/${onderdeelId}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { kind: "offline" };
  }
  if (response.status === 401) return { kind: "signed-out" };
  if (response.status >= 500) return { kind: "offline" };
  // The body is the save's Result (lib/shared/result.ts, as lib/http/result-response.ts sends it).
  const json = (await response.json().catch(() => ({}))) as {
    status?: string;
    data?: AnswerView;
    current?: AnswerView | null;
    fieldErrors?: Partial<Record<string, string>>;
    message?: string;
    fout?: string;
  };
  if (response.status === 200 && json.status === "ok" && json.data) return { kind: "saved", answer: json.data };
  if (response.status === 409) return { kind: "conflict", current: json.current ?? null, message: json.message ?? "" };
  if (response.status === 423) return { kind: "locked", message: json.message ?? "Deze zelfscan kan niet meer worden gewijzigd." };
  const errors = Object.fromEntries(Object.entries(json.fieldErrors ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { kind: "invalid", errors, message: json.message ?? json.fout ?? "Dit antwoord kon niet worden opgeslagen." };
}

type Draft = { baseVersion: number; values: TAnswerInput; confirm: boolean };

const draftKey = (scanId: string, onderdeelId: string) => `zelfscan:${scanId}:${onderdeelId}`;

// codemod: keep. A draft stored in this browser before the rename of docs/glossary.md calls two of
// its fields unknown and targetLevel; it is read under their new names, so that nothing typed is lost.
function withGlossaryNames(draft: Draft): Draft {
  const { unknown, targetLevel, ...values } = draft.values as TAnswerInput & { unknown?: boolean; targetLevel?: number };
  if (unknown === undefined && targetLevel === undefined) return draft;
  return { ...draft, values: { ...values, weetIkNiet: values.weetIkNiet ?? unknown ?? false, doelniveau: values.doelniveau ?? targetLevel! } };
}

export function readDraft(scanId: string, onderdeelId: string): Draft | null {
  try {
    const raw = window.sessionStorage.getItem(draftKey(scanId, onderdeelId));
    return raw ? withGlossaryNames(JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(scanId: string, onderdeelId: string, draft: Draft) {
  try {
    window.sessionStorage.setItem(draftKey(scanId, onderdeelId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the input stays in the page, which still warns before leaving.
  }
}

export function clearDraft(scanId: string, onderdeelId: string) {
  try {
    window.sessionStorage.removeItem(draftKey(scanId, onderdeelId));
  } catch {
    // Nothing to do.
  }
}

const timeFormat = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });

export function formatTime(iso: string | Date): string {
  return timeFormat.format(typeof iso === "string" ? new Date(iso) : iso);
}
