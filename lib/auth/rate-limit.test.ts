import { describe, expect, it } from "vitest";
import { addressKey, backoffDelayMs, LOGIN_THROTTLE } from "./rate-limit";

const policy = { freeFailures: 4, baseMs: 5_000, capMs: 300_000 };

describe("progressive back-off", () => {
  it("costs nothing for the first few failures, then doubles the wait up to the cap", () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelayMs(n, policy))).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => backoffDelayMs(n, policy))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
    expect(backoffDelayMs(12, policy)).toBe(300_000);
    expect(backoffDelayMs(1_000_000, policy)).toBe(300_000);
  });

  it("never waits longer than the cap, and never less than before", () => {
    let previous = 0;
    for (let failures = 0; failures < 200; failures++) {
      const wait = backoffDelayMs(failures, policy);
      expect(wait).toBeGreaterThanOrEqual(previous);
      expect(wait).toBeLessThanOrEqual(policy.capMs);
      previous = wait;
    }
    expect(backoffDelayMs(Number.NaN, policy)).toBe(0);
    expect(backoffDelayMs(-3, policy)).toBe(0);
  });

  it("the owner's worst wait is bounded; a guesser gets only a few hundred tries a day; the address is stricter", () => {
    expect(LOGIN_THROTTLE.account.capMs).toBeLessThanOrEqual(5 * 60_000);
    expect(LOGIN_THROTTLE.address.capMs).toBeGreaterThan(LOGIN_THROTTLE.account.capMs);
    // Tries on one account in a day from addresses that already failed: the free ones, the ramp, then one per cap.
    const day = 24 * 3600_000;
    let tries = 0;
    for (let elapsed = 0; elapsed < day; tries++) elapsed += backoffDelayMs(tries + 1, LOGIN_THROTTLE.account);
    expect(tries + LOGIN_THROTTLE.freshAddressesPerAccount).toBeLessThan(320);
    let fromOneAddress = 0;
    for (let elapsed = 0; elapsed < day; fromOneAddress++) elapsed += backoffDelayMs(fromOneAddress + 1, LOGIN_THROTTLE.address);
    expect(fromOneAddress).toBeLessThan(80);
  });
});

describe("address keys", () => {
  it("counts IPv4 as is and IPv6 by its /64 network", () => {
    expect(addressKey("192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});
