// The autosave of one answer in the wizard, as a pure state machine: what the item is doing, when
// its next save is due, which version and confirmation that save sends, and whether leaving the
// page would lose input. No timers, no requests, no React: the editor (components/zelfscan/
// AnswerEditor.tsx) feeds it events with the time they happened and does what it decides.
//
// "Nothing lost" in this machine: an edit is kept (pending) until a save that started after it
// succeeded; a failed save keeps it and says why; while a conflict or a lock stands nothing is
// saved by itself, so a colleague's answer is never overwritten without the user choosing.
import type { AnswerView } from "./answer-view";

/** A second after the last change, the answer is saved. */
export const AUTOSAVE_DELAY_MS = 1000;
/** Without a connection, a save is tried again this often (and at once when the browser is back online). */
export const RETRY_MS = 5000;

/** What an item is doing; the step shows the sum of them. "offline" retries by itself. */
export type SaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "invalid"; message: string }
  | { kind: "offline" }
  | { kind: "conflict"; current: AnswerView | null }
  | { kind: "locked"; message: string }
  | { kind: "signed-out" };

/** The server's answer to a save (components/zelfscan/answer-client.ts gives exactly these). */
export type SaveResult =
  | { kind: "saved"; answer: Pick<AnswerView, "version" | "carriedOver" | "updatedAt"> }
  | { kind: "conflict"; current: AnswerView | null }
  | { kind: "invalid"; message: string }
  | { kind: "locked"; message: string }
  | { kind: "signed-out" }
  | { kind: "offline" };

export type Autosave = {
  status: SaveStatus;
  /** The version the next save is based on. */
  version: number;
  /** The stored answer was copied from the previous round and is not confirmed yet. */
  carriedOver: boolean;
  /** The form holds input the server does not have yet (edited, or its save failed). */
  pending: boolean;
  /** A save request is on its way. */
  saving: boolean;
  /** When the next automatic save is due (ms since the epoch), or null for none. */
  dueAt: number | null;
  /** The user confirmed the carried-over answer; sent with saves until one succeeds. */
  confirm: boolean;
};

export type AutosaveEvent =
  /** The user changed the form. */
  | { type: "edit"; at: number }
  /** Input kept in the browser from before a reload came back into the form. */
  | { type: "draft-restored"; version: number; confirm: boolean; at: number }
  /** The user pressed "Antwoord bevestigen". */
  | { type: "confirm-requested" }
  /** The form's own check refused the input; nothing was sent. */
  | { type: "validation-failed"; message: string }
  | { type: "save-started" }
  | { type: "save-finished"; result: SaveResult; at: number }
  /** The browser says it is back online. */
  | { type: "retry"; at: number }
  /** The user chose in a conflict: keep their own answer (saved over the colleague's version) or take the other one. */
  | { type: "conflict-resolved"; keep: "mine" | "theirs" };

export function initialAutosave(initial: AnswerView | null): Autosave {
  const answered = initial !== null && (initial.score !== null || initial.weetIkNiet);
  return {
    status: answered ? { kind: "saved", at: initial.updatedAt } : { kind: "idle" },
    version: initial?.version ?? 0,
    carriedOver: initial?.carriedOver ?? false,
    pending: false,
    saving: false,
    dueAt: null,
    confirm: false,
  };
}

/** A conflict waits for the user's choice and a locked scan cannot be saved: no save starts by itself. */
function blocked(status: SaveStatus): boolean {
  return status.kind === "conflict" || status.kind === "locked";
}

export function autosave(state: Autosave, event: AutosaveEvent): Autosave {
  switch (event.type) {
    case "edit":
      if (blocked(state.status)) return { ...state, pending: true };
      return { ...state, pending: true, status: state.status.kind === "dirty" ? state.status : { kind: "dirty" }, dueAt: event.at + AUTOSAVE_DELAY_MS };
    case "draft-restored":
      return { ...state, version: event.version, confirm: state.confirm || event.confirm, pending: true, status: { kind: "dirty" }, dueAt: event.at };
    case "confirm-requested":
      return { ...state, confirm: true };
    case "validation-failed":
      return { ...state, pending: true, dueAt: null, status: { kind: "invalid", message: event.message } };
    case "save-started":
      return { ...state, saving: true, pending: false, dueAt: null, status: { kind: "saving" } };
    case "save-finished":
      return finished({ ...state, saving: false }, event.result, event.at);
    case "retry":
      return state.status.kind === "offline" && !state.saving ? { ...state, dueAt: event.at } : state;
    case "conflict-resolved": {
      if (state.status.kind !== "conflict") return state;
      const current = state.status.current;
      if (event.keep === "mine") return { ...state, version: current?.version ?? state.version, pending: true };
      if (!current) return state;
      return { ...state, version: current.version, pending: false, dueAt: null, status: { kind: "saved", at: current.updatedAt } };
    }
  }
}

function finished(state: Autosave, result: SaveResult, at: number): Autosave {
  // An edit made while the request was on its way has set dueAt: it is saved after this one.
  const editedMeanwhile = state.pending;
  switch (result.kind) {
    case "saved":
      return {
        ...state,
        version: result.answer.version,
        carriedOver: result.answer.carriedOver,
        confirm: false,
        status: editedMeanwhile ? { kind: "dirty" } : { kind: "saved", at: result.answer.updatedAt },
      };
    case "offline":
      return { ...state, pending: true, status: { kind: "offline" }, dueAt: state.dueAt ?? at + RETRY_MS };
    case "signed-out":
      return { ...state, pending: true, status: { kind: "signed-out" } };
    case "invalid":
      return { ...state, pending: true, status: { kind: "invalid", message: result.message } };
    case "conflict":
      return { ...state, pending: true, dueAt: null, status: { kind: "conflict", current: result.current } };
    case "locked":
      return { ...state, pending: true, dueAt: null, status: { kind: "locked", message: result.message } };
  }
}

/** Whether an automatic save (the debounce after an edit, a retry) should start now. */
export function saveDue(state: Autosave, now: number): boolean {
  return !state.saving && state.pending && !blocked(state.status) && state.dueAt !== null && now >= state.dueAt;
}

/** When to look again whether a save is due, or null when nothing will become due by itself. */
export function nextCheckAt(state: Autosave): number | null {
  return state.saving || !state.pending || blocked(state.status) ? null : state.dueAt;
}

/** What the next save sends besides the answer: the version it is based on and whether it confirms a carried-over answer. */
export function saveRequest(state: Autosave): { baseVersion: number; confirm: boolean } {
  return { baseVersion: state.version, confirm: state.confirm || state.carriedOver };
}

/**
 * Before the step is left: "settled" (nothing to do, or nothing possible: a conflict waits for a
 * choice, a locked scan cannot be saved), "save" (input not saved yet) or "wait" (a save is on its way).
 */
export function flushDecision(state: Autosave): "settled" | "save" | "wait" {
  if (blocked(state.status)) return "settled";
  if (state.pending) return "save";
  return state.saving ? "wait" : "settled";
}

/** Closing the tab or following a link elsewhere in these states loses input, so the browser asks first. */
export function warnsBeforeLeaving(status: SaveStatus): boolean {
  return ["dirty", "saving", "invalid", "offline", "conflict", "signed-out"].includes(status.kind);
}

/** The first message of react-hook-form's errors, for the status line. */
export function firstErrorMessage(errors: Record<string, unknown>): string {
  for (const error of Object.values(errors)) {
    const message = (error as { message?: unknown } | undefined)?.message;
    if (message) return String(message);
  }
  return "controleer dit onderdeel.";
}

/** The item's status line. */
export function statusText(status: SaveStatus, formatTime: (iso: string) => string): string {
  switch (status.kind) {
    case "saved":
      return `Opgeslagen om ${formatTime(status.at)}`;
    case "saving":
      return "Bezig met opslaan…";
    case "dirty":
      return "Wijziging wordt zo opgeslagen…";
    case "invalid":
      return `Nog niet opgeslagen: ${status.message}`;
    case "offline":
      return "Nog niet opgeslagen: geen verbinding. Uw invoer staat in deze browser en wordt opgeslagen zodra het weer kan.";
    case "conflict":
      return "Nog niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd. Kies hieronder welk antwoord blijft.";
    case "locked":
      return status.message;
    case "signed-out":
      return "Nog niet opgeslagen: u bent uitgelogd. Log opnieuw in; uw invoer staat in deze browser.";
    case "idle":
      return "Nog niet beantwoord";
  }
}
