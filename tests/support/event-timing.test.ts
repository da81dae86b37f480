import { describe, expect, it } from "vitest";
import { DURATION_THRESHOLD_MS, interactionLatencies, summarizeInteractions } from "./event-timing";

describe("interactionLatencies", () => {
  it("gives each interaction the longest duration of its events and skips events that are no interaction", () => {
    const latencies = interactionLatencies([
      { name: "pointerdown", interactionId: 7, duration: 24 },
      { name: "pointerup", interactionId: 7, duration: 40 },
      { name: "click", interactionId: 7, duration: 40 },
      { name: "first-input", interactionId: 7, duration: 24 },
      { name: "pointerover", interactionId: 0, duration: 200 },
      { name: "keydown", interactionId: 12, duration: 56 },
      { name: "keyup", interactionId: 12, duration: 16 },
    ]);
    expect(latencies.sort((a, b) => a - b)).toEqual([40, 56]);
  });
});

describe("summarizeInteractions", () => {
  it("takes the nearest-rank 75th percentile over every interaction performed", () => {
    expect(summarizeInteractions([10, 20, 30, 40], 4)).toEqual({ count: 4, reported: 4, p75: 30, max: 40 });
    expect(summarizeInteractions([10, 20, 30, 40, 50], 5).p75).toBe(40);
  });

  it("counts the interactions the browser did not report as the threshold, never as zero", () => {
    // 3 of 8 reported: five at the threshold, so p75 (the sixth of eight) is the first reported one.
    const summary = summarizeInteractions([120, 80, 64], 8);
    expect(summary).toEqual({ count: 8, reported: 3, p75: 64, max: 120 });
    expect(summarizeInteractions([200], 10).p75).toBe(DURATION_THRESHOLD_MS);
  });

  it("refuses more interactions measured than performed", () => {
    expect(() => summarizeInteractions([20, 30], 1)).toThrow();
  });
});
