// Interaction latency from the browser's Event Timing API, as Interaction to Next Paint counts it:
// every event of one interaction (pointerdown, pointerup and click; keydown, input and keyup) carries
// the same interactionId, and the interaction's latency is the longest duration among them (from
// the input to the next paint). Used by the frontend bench (scripts/bench/frontend.ts) and checked
// in the wizard's e2e spec.
import type { Locator, Page } from "@playwright/test";

/** The part of a PerformanceEventTiming entry that is kept. */
export type EventTimingEntry = { name: string; interactionId: number; duration: number };

/**
 * The browser reports only events of at least this duration (the smallest threshold the API
 * allows); an interaction without entries was faster.
 */
export const DURATION_THRESHOLD_MS = 16;

/** Collects the page's event timing entries from its first script on, in every document the page loads. */
export async function recordEventTiming(page: Page): Promise<void> {
  // A string, not a function: a function would reach the page as compiled by whatever runs the
  // caller (tsx adds helpers such as __name that the page does not have).
  await page.addInitScript({
    content: `(() => {
      const entries = [];
      window.__eventTimings = entries;
      const keep = (list) => {
        for (const entry of list.getEntries()) entries.push({ name: entry.name, interactionId: entry.interactionId ?? 0, duration: entry.duration });
      };
      new PerformanceObserver(keep).observe({ type: "event", durationThreshold: ${DURATION_THRESHOLD_MS}, buffered: true });
      new PerformanceObserver(keep).observe({ type: "first-input", buffered: true });
    })();`,
  });
}

/**
 * The entries collected so far, emptied afterwards. Entries arrive after the paint that follows an
 * interaction: this waits for two animation frames first, so that the last interaction is in.
 */
export async function takeEventTimings(page: Page): Promise<EventTimingEntry[]> {
  return page.evaluate(`(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const entries = window.__eventTimings;
    if (!entries) throw new Error("Geen Event Timing-meting op deze pagina (recordEventTiming vóór het laden)");
    return entries.splice(0, entries.length);
  })()`) as Promise<EventTimingEntry[]>;
}

/**
 * One latency per interaction: the longest duration of the entries with its interactionId.
 * Entries without one (0: hover, scroll and other events that are not an interaction) do not count.
 */
export function interactionLatencies(entries: EventTimingEntry[]): number[] {
  const longest = new Map<number, number>();
  for (const entry of entries) {
    if (!entry.interactionId) continue;
    longest.set(entry.interactionId, Math.max(longest.get(entry.interactionId) ?? 0, entry.duration));
  }
  return [...longest.values()];
}

export type InteractionSummary = {
  /** Interactions performed. */
  count: number;
  /** Interactions that reported entries (the others took less than DURATION_THRESHOLD_MS). */
  reported: number;
  /** 75th percentile (nearest rank) over all interactions performed, in ms; an upper bound, see below. */
  p75: number;
  max: number;
};

/**
 * p75 and max over `performed` interactions, of which `latencies` were reported. The ones not
 * reported count as DURATION_THRESHOLD_MS, an upper bound of their real latency, so that the
 * percentile is never flattered.
 */
export function summarizeInteractions(latencies: number[], performed: number): InteractionSummary {
  if (latencies.length > performed) throw new Error(`${latencies.length} interacties gemeten, maar ${performed} uitgevoerd`);
  const all = [...latencies, ...Array.from({ length: performed - latencies.length }, () => DURATION_THRESHOLD_MS)].sort((a, b) => a - b);
  const rank = (p: number) => all[Math.min(all.length - 1, Math.max(0, Math.ceil((p / 100) * all.length) - 1))] ?? Number.NaN;
  return { count: performed, reported: latencies.length, p75: rank(75), max: all.length ? all[all.length - 1]! : Number.NaN };
}

/**
 * Proves that the measurement works in this browser: one click on `target` that is made slow on
 * purpose (the page's own pointerdown handler is held up for 60 ms) must come back as exactly one
 * interaction of at least that long. Throws otherwise. Leaves no handler and no entries behind.
 */
export async function probeEventTiming(page: Page, target: Locator): Promise<number> {
  await takeEventTimings(page);
  await page.evaluate(`(() => {
    window.__eventTimingProbe = () => { const end = performance.now() + 60; while (performance.now() < end); };
    document.addEventListener("pointerdown", window.__eventTimingProbe, { once: true });
  })()`);
  await target.click();
  const latencies = interactionLatencies(await takeEventTimings(page));
  await page.evaluate(`document.removeEventListener("pointerdown", window.__eventTimingProbe)`);
  if (latencies.length !== 1 || latencies[0]! < 56) {
    throw new Error(`De Event Timing-meting werkt niet: een klik van 60 ms gaf ${JSON.stringify(latencies)}`);
  }
  return latencies[0]!;
}
