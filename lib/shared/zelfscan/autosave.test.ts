import { describe, expect, it } from "vitest";
import type { AnswerView } from "./answer-view";
import {
  AUTOSAVE_DELAY_MS,
  RETRY_MS,
  autosave,
  firstErrorMessage,
  flushDecision,
  initialAutosave,
  nextCheckAt,
  saveDue,
  saveRequest,
  statusText,
  warnsBeforeLeaving,
  type Autosave,
  type AutosaveEvent,
  type SaveResult,
  type SaveStatus,
} from "./autosave";

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

function answer(overrides: Partial<AnswerView> = {}): AnswerView {
  return {
    onderdeelId: "3b",
    score: 2,
    weetIkNiet: false,
    toelichting: "Afspraken liggen vast.",
    vastgelegdIn: [],
    vastgelegdAnders: "",
    evidence: [],
    doelniveau: 3,
    carriedOver: false,
    version: 4,
    updatedAt: "2026-12-02T08:30:00.000Z",
    lastEditedBy: "Anouk de Vries",
    ...overrides,
  };
}

const saved = (version: number, updatedAt = "2026-12-02T09:00:02.000Z", carriedOver = false): SaveResult => ({
  kind: "saved",
  answer: { version, updatedAt, carriedOver },
});

function run(state: Autosave, ...events: AutosaveEvent[]): Autosave {
  return events.reduce(autosave, state);
}

/** Starts a save the way the editor does when the machine says one is due. */
function startDue(state: Autosave, now: number): Autosave {
  expect(saveDue(state, now)).toBe(true);
  return autosave(state, { type: "save-started" });
}

const fresh = () => initialAutosave(null);
const edited = (at = T0) => run(fresh(), { type: "edit", at });

describe("the start", () => {
  it("is idle without an answer, and for an answer that was never chosen", () => {
    expect(fresh()).toEqual({ status: { kind: "idle" }, version: 0, carriedOver: false, pending: false, saving: false, dueAt: null, confirm: false });
    expect(initialAutosave(answer({ score: null, weetIkNiet: false })).status).toEqual({ kind: "idle" });
  });

  it("is saved (with the time of the stored answer) for an answered item, also for Weet ik niet, and starts from its version", () => {
    expect(initialAutosave(answer())).toMatchObject({ status: { kind: "saved", at: "2026-12-02T08:30:00.000Z" }, version: 4, pending: false });
    expect(initialAutosave(answer({ score: null, weetIkNiet: true })).status.kind).toBe("saved");
  });

  it("knows a carried-over answer, and every save confirms it until one succeeds", () => {
    const start = initialAutosave(answer({ carriedOver: true }));
    expect(start.carriedOver).toBe(true);
    expect(saveRequest(start)).toEqual({ baseVersion: 4, confirm: true });
    const after = run(start, { type: "edit", at: T0 }, { type: "save-started" }, { type: "save-finished", result: saved(5), at: T0 + 1500 });
    expect(after.carriedOver).toBe(false);
    expect(saveRequest(after)).toEqual({ baseVersion: 5, confirm: false });
  });

  it("schedules nothing and needs no flush before anything happened", () => {
    expect(nextCheckAt(fresh())).toBeNull();
    expect(saveDue(fresh(), T0 + 60_000)).toBe(false);
    expect(flushDecision(fresh())).toBe("settled");
    expect(warnsBeforeLeaving(fresh().status)).toBe(false);
  });
});

describe("an edit", () => {
  it("makes the item dirty and saves it a second after the last change (debounce)", () => {
    const once = edited(T0);
    expect(once).toMatchObject({ status: { kind: "dirty" }, pending: true, dueAt: T0 + AUTOSAVE_DELAY_MS });
    expect(saveDue(once, T0 + AUTOSAVE_DELAY_MS - 1)).toBe(false);
    expect(saveDue(once, T0 + AUTOSAVE_DELAY_MS)).toBe(true);
    const again = autosave(once, { type: "edit", at: T0 + 600 });
    expect(nextCheckAt(again)).toBe(T0 + 600 + AUTOSAVE_DELAY_MS);
    expect(saveDue(again, T0 + AUTOSAVE_DELAY_MS)).toBe(false);
    expect(saveDue(again, T0 + 600 + AUTOSAVE_DELAY_MS)).toBe(true);
  });

  it("keeps the same dirty status while typing on, so the step is not re-rendered for nothing", () => {
    const once = edited(T0);
    expect(autosave(once, { type: "edit", at: T0 + 100 }).status).toBe(once.status);
  });

  it("of a saved item makes it dirty again", () => {
    const item = run(initialAutosave(answer()), { type: "edit", at: T0 });
    expect(item.status).toEqual({ kind: "dirty" });
    expect(saveRequest(item)).toEqual({ baseVersion: 4, confirm: false });
  });
});

describe("a save", () => {
  it("goes from dirty to saving to saved, with the new version and the server's time", () => {
    const saving = startDue(edited(), T0 + AUTOSAVE_DELAY_MS);
    expect(saving).toMatchObject({ status: { kind: "saving" }, saving: true, pending: false, dueAt: null });
    expect(nextCheckAt(saving)).toBeNull();
    expect(saveDue(saving, T0 + 10_000)).toBe(false);
    const done = autosave(saving, { type: "save-finished", result: saved(1), at: T0 + 1200 });
    expect(done).toMatchObject({ status: { kind: "saved", at: "2026-12-02T09:00:02.000Z" }, version: 1, saving: false, pending: false, dueAt: null });
    expect(nextCheckAt(done)).toBeNull();
    expect(flushDecision(done)).toBe("settled");
  });

  it("sends the version it is based on, and the next one is based on the version the server gave back", () => {
    const first = run(edited(), { type: "save-started" });
    expect(saveRequest(first).baseVersion).toBe(0);
    const second = run(first, { type: "save-finished", result: saved(7), at: T0 + 1100 }, { type: "edit", at: T0 + 2000 });
    expect(saveRequest(second).baseVersion).toBe(7);
  });

  it("refused by the form's own check shows the message, keeps the input pending and waits for the next edit", () => {
    const refused = run(edited(), { type: "validation-failed", message: "Licht toe waarom dit onderdeel (nog) niet volledig is ingericht." });
    expect(refused).toMatchObject({
      status: { kind: "invalid", message: "Licht toe waarom dit onderdeel (nog) niet volledig is ingericht." },
      pending: true,
      dueAt: null,
      saving: false,
    });
    expect(nextCheckAt(refused)).toBeNull();
    expect(flushDecision(refused)).toBe("save");
    expect(warnsBeforeLeaving(refused.status)).toBe(true);
    const fixed = autosave(refused, { type: "edit", at: T0 + 5000 });
    expect(fixed.status).toEqual({ kind: "dirty" });
    expect(saveDue(fixed, T0 + 5000 + AUTOSAVE_DELAY_MS)).toBe(true);
  });

  it("refused by the server as invalid keeps the input and says why", () => {
    const refused = run(
      edited(),
      { type: "save-started" },
      { type: "save-finished", result: { kind: "invalid", message: "Dit antwoord kon niet worden opgeslagen." }, at: T0 + 1100 },
    );
    expect(refused).toMatchObject({
      status: { kind: "invalid", message: "Dit antwoord kon niet worden opgeslagen." },
      pending: true,
      saving: false,
      dueAt: null,
    });
    expect(flushDecision(refused)).toBe("save");
  });
});

describe("nothing lost", () => {
  it("an edit during a save is saved afterwards, and the item does not claim to be saved meanwhile", () => {
    const saving = startDue(edited(T0), T0 + AUTOSAVE_DELAY_MS);
    const editedDuring = autosave(saving, { type: "edit", at: T0 + 1300 });
    expect(editedDuring).toMatchObject({ status: { kind: "dirty" }, pending: true, saving: true });
    // No second request while the first is on its way.
    expect(saveDue(editedDuring, T0 + 5000)).toBe(false);
    expect(nextCheckAt(editedDuring)).toBeNull();
    expect(flushDecision(editedDuring)).toBe("save");

    const firstDone = autosave(editedDuring, { type: "save-finished", result: saved(1), at: T0 + 1500 });
    expect(firstDone).toMatchObject({ status: { kind: "dirty" }, pending: true, saving: false, version: 1 });
    expect(warnsBeforeLeaving(firstDone.status)).toBe(true);
    expect(nextCheckAt(firstDone)).toBe(T0 + 1300 + AUTOSAVE_DELAY_MS);
    const second = startDue(firstDone, T0 + 1300 + AUTOSAVE_DELAY_MS);
    expect(saveRequest(firstDone).baseVersion).toBe(1);
    expect(autosave(second, { type: "save-finished", result: saved(2), at: T0 + 2600 })).toMatchObject({
      status: { kind: "saved" },
      pending: false,
      version: 2,
    });
  });

  it("a save that fails for want of a connection keeps the edit and retries every few seconds, at once when the browser is back online", () => {
    const offline = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "offline" }, at: T0 + 1100 });
    expect(offline).toMatchObject({ status: { kind: "offline" }, pending: true, saving: false, dueAt: T0 + 1100 + RETRY_MS, version: 0 });
    expect(warnsBeforeLeaving(offline.status)).toBe(true);
    expect(flushDecision(offline)).toBe("save");
    expect(nextCheckAt(offline)).toBe(T0 + 1100 + RETRY_MS);
    expect(saveDue(offline, T0 + 1100 + RETRY_MS - 1)).toBe(false);

    // The retry fails again: the next try comes as long after.
    const retried = run(startDue(offline, T0 + 1100 + RETRY_MS), { type: "save-finished", result: { kind: "offline" }, at: T0 + 6200 });
    expect(retried.dueAt).toBe(T0 + 6200 + RETRY_MS);

    // Back online before that: at once, with the same base version.
    const online = autosave(retried, { type: "retry", at: T0 + 7000 });
    expect(saveDue(online, T0 + 7000)).toBe(true);
    expect(saveRequest(online).baseVersion).toBe(0);
    expect(run(online, { type: "save-started" }, { type: "save-finished", result: saved(1), at: T0 + 7100 })).toMatchObject({
      status: { kind: "saved" },
      pending: false,
    });
  });

  it("an edit while offline is saved a second later, not only at the next retry", () => {
    const offline = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "offline" }, at: T0 + 1100 });
    const typing = autosave(offline, { type: "edit", at: T0 + 2000 });
    expect(typing.status).toEqual({ kind: "dirty" });
    expect(nextCheckAt(typing)).toBe(T0 + 2000 + AUTOSAVE_DELAY_MS);
  });

  it("an edit during a save that then fails offline is retried after its own delay", () => {
    const during = run(edited(T0), { type: "save-started" }, { type: "edit", at: T0 + 1200 });
    const failed = autosave(during, { type: "save-finished", result: { kind: "offline" }, at: T0 + 1300 });
    expect(failed).toMatchObject({ status: { kind: "offline" }, pending: true, dueAt: T0 + 1200 + AUTOSAVE_DELAY_MS });
  });

  it("'back online' means nothing when the item is not offline, nor while a save is on its way", () => {
    const dirty = edited(T0);
    expect(autosave(dirty, { type: "retry", at: T0 + 10 })).toBe(dirty);
    const saving = run(dirty, { type: "save-started" });
    expect(autosave(saving, { type: "retry", at: T0 + 10 })).toBe(saving);
  });

  it("a signed-out user keeps the input; it is saved again with the next edit or when the step is left", () => {
    const out = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "signed-out" }, at: T0 + 1100 });
    expect(out).toMatchObject({ status: { kind: "signed-out" }, pending: true, dueAt: null });
    expect(warnsBeforeLeaving(out.status)).toBe(true);
    expect(flushDecision(out)).toBe("save");
    expect(nextCheckAt(autosave(out, { type: "edit", at: T0 + 3000 }))).toBe(T0 + 3000 + AUTOSAVE_DELAY_MS);
  });

  it("a conflict never overwrites: nothing is saved by itself, edits stay pending, until the user chooses", () => {
    const theirs = answer({ version: 9, toelichting: "Eerste collega", updatedAt: "2026-12-02T09:00:00.500Z" });
    const conflict = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "conflict", current: theirs }, at: T0 + 1100 });
    expect(conflict).toMatchObject({ status: { kind: "conflict", current: theirs }, pending: true, dueAt: null, version: 0 });
    expect(warnsBeforeLeaving(conflict.status)).toBe(true);
    expect(flushDecision(conflict)).toBe("settled");

    const typedOn = autosave(conflict, { type: "edit", at: T0 + 2000 });
    expect(typedOn.status).toBe(conflict.status);
    expect(typedOn.dueAt).toBeNull();
    expect(nextCheckAt(typedOn)).toBeNull();
    expect(saveDue(typedOn, T0 + 60_000)).toBe(false);
    expect(autosave(typedOn, { type: "retry", at: T0 + 3000 })).toBe(typedOn);
  });

  it("keeping one's own answer saves it on the colleague's version, so it is a deliberate change", () => {
    const theirs = answer({ version: 9 });
    const conflict = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "conflict", current: theirs }, at: T0 + 1100 });
    const mine = autosave(conflict, { type: "conflict-resolved", keep: "mine" });
    expect(mine).toMatchObject({ version: 9, pending: true });
    expect(flushDecision(mine)).toBe("settled");
    const saving = autosave(mine, { type: "save-started" });
    expect(saveRequest(mine).baseVersion).toBe(9);
    expect(autosave(saving, { type: "save-finished", result: saved(10), at: T0 + 5000 })).toMatchObject({
      status: { kind: "saved" },
      version: 10,
      pending: false,
    });
  });

  it("keeping one's own answer when the other one is not known keeps the version; a new conflict shows again", () => {
    const conflict = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "conflict", current: null }, at: T0 + 1100 });
    const mine = autosave(conflict, { type: "conflict-resolved", keep: "mine" });
    expect(mine.version).toBe(0);
    const again = run(mine, { type: "save-started" }, { type: "save-finished", result: { kind: "conflict", current: answer({ version: 3 }) }, at: T0 + 2000 });
    expect(again.status).toMatchObject({ kind: "conflict", current: { version: 3 } });
  });

  it("taking the other answer makes it the saved state, based on its version, with nothing pending", () => {
    const theirs = answer({ version: 9, updatedAt: "2026-12-02T09:00:00.500Z" });
    const conflict = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "conflict", current: theirs }, at: T0 + 1100 });
    const taken = autosave(conflict, { type: "conflict-resolved", keep: "theirs" });
    expect(taken).toMatchObject({ status: { kind: "saved", at: "2026-12-02T09:00:00.500Z" }, version: 9, pending: false, dueAt: null });
    expect(warnsBeforeLeaving(taken.status)).toBe(false);
  });

  it("the other answer cannot be taken when it is not known, and a choice outside a conflict changes nothing", () => {
    const conflict = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "conflict", current: null }, at: T0 + 1100 });
    expect(autosave(conflict, { type: "conflict-resolved", keep: "theirs" })).toBe(conflict);
    const dirty = edited(T0);
    expect(autosave(dirty, { type: "conflict-resolved", keep: "mine" })).toBe(dirty);
    expect(autosave(dirty, { type: "conflict-resolved", keep: "theirs" })).toBe(dirty);
  });

  it("a locked scan stops saving and says why; later edits stay in the browser but start no request", () => {
    const message = "Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd.";
    const locked = run(edited(T0), { type: "save-started" }, { type: "save-finished", result: { kind: "locked", message }, at: T0 + 1100 });
    expect(locked).toMatchObject({ status: { kind: "locked", message }, dueAt: null, saving: false });
    expect(statusText(locked.status, String)).toBe(message);
    expect(flushDecision(locked)).toBe("settled");
    const typedOn = run(locked, { type: "edit", at: T0 + 2000 }, { type: "edit", at: T0 + 2500 });
    expect(typedOn.status).toBe(locked.status);
    expect(nextCheckAt(typedOn)).toBeNull();
    expect(saveDue(typedOn, T0 + 60_000)).toBe(false);
    // Nothing can be saved there any more, so leaving does not ask.
    expect(warnsBeforeLeaving(typedOn.status)).toBe(false);
  });

  it("leaving the page warns exactly while input is not saved", () => {
    const kinds: [SaveStatus, boolean][] = [
      [{ kind: "idle" }, false],
      [{ kind: "dirty" }, true],
      [{ kind: "saving" }, true],
      [{ kind: "saved", at: "2026-12-02T09:00:00.000Z" }, false],
      [{ kind: "invalid", message: "x" }, true],
      [{ kind: "offline" }, true],
      [{ kind: "conflict", current: null }, true],
      [{ kind: "locked", message: "x" }, false],
      [{ kind: "signed-out" }, true],
    ];
    for (const [status, warns] of kinds) expect(warnsBeforeLeaving(status), status.kind).toBe(warns);
  });
});

describe("input kept in the browser before a reload", () => {
  it("comes back dirty, based on the version it was typed on, and is saved at once", () => {
    const restored = autosave(initialAutosave(answer({ version: 6 })), { type: "draft-restored", version: 4, confirm: false, at: T0 });
    expect(restored).toMatchObject({ status: { kind: "dirty" }, pending: true, version: 4, dueAt: T0 });
    expect(saveDue(restored, T0)).toBe(true);
    expect(saveRequest(restored)).toEqual({ baseVersion: 4, confirm: false });
  });

  it("keeps a confirmation of a carried-over answer, also when that save fails", () => {
    const restored = autosave(fresh(), { type: "draft-restored", version: 2, confirm: true, at: T0 });
    expect(saveRequest(restored).confirm).toBe(true);
    const failed = run(restored, { type: "save-started" }, { type: "save-finished", result: { kind: "offline" }, at: T0 + 100 });
    expect(saveRequest(failed).confirm).toBe(true);
  });
});

describe("confirming a carried-over answer", () => {
  it("sends the confirmation with the next save until one succeeds", () => {
    const start = initialAutosave(answer({ carriedOver: true }));
    const requested = autosave(start, { type: "confirm-requested" });
    expect(requested.confirm).toBe(true);
    expect(requested.status).toBe(start.status);
    const done = run(requested, { type: "save-started" }, { type: "save-finished", result: saved(5, "2026-12-02T09:00:01.000Z", false), at: T0 + 100 });
    expect(done).toMatchObject({ confirm: false, carriedOver: false });
  });
});

describe("leaving the step (flush)", () => {
  it("saves pending input, waits for a save on its way, and is settled otherwise", () => {
    expect(flushDecision(edited())).toBe("save");
    expect(flushDecision(run(edited(), { type: "save-started" }))).toBe("wait");
    expect(flushDecision(run(edited(), { type: "save-started" }, { type: "save-finished", result: saved(1), at: T0 + 1 }))).toBe("settled");
  });
});

describe("texts", () => {
  const time = (iso: string) => `[${iso}]`;

  it("give every status its Dutch line", () => {
    expect(statusText({ kind: "idle" }, time)).toBe("Nog niet beantwoord");
    expect(statusText({ kind: "dirty" }, time)).toBe("Wijziging wordt zo opgeslagen…");
    expect(statusText({ kind: "saving" }, time)).toBe("Bezig met opslaan…");
    expect(statusText({ kind: "saved", at: "2026-12-02T09:00:00.000Z" }, time)).toBe("Opgeslagen om [2026-12-02T09:00:00.000Z]");
    expect(statusText({ kind: "invalid", message: "kies een antwoord." }, time)).toBe("Nog niet opgeslagen: kies een antwoord.");
    expect(statusText({ kind: "offline" }, time)).toMatch(/^Nog niet opgeslagen: geen verbinding\. Uw invoer staat in deze browser/);
    expect(statusText({ kind: "conflict", current: null }, time)).toMatch(/^Nog niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd\./);
    expect(statusText({ kind: "signed-out" }, time)).toMatch(/^Nog niet opgeslagen: u bent uitgelogd\./);
  });

  it("take the first message of the form's errors, or ask to check the item", () => {
    expect(firstErrorMessage({ score: undefined, toelichting: { type: "custom", message: "Licht toe." } })).toBe("Licht toe.");
    expect(firstErrorMessage({ evidence: [{ url: { message: "Geen webadres." } }] })).toBe("controleer dit onderdeel.");
    expect(firstErrorMessage({})).toBe("controleer dit onderdeel.");
  });
});
