import { describe, expect, it } from "vitest";
import { hasNoControlCharacters } from "./text";

describe("free text", () => {
  it("accepts every language, markup and ordinary white space", () => {
    for (const text of ["Café Súdwest-Fryslân", "<b>vet</b> & 'quote'", "regel 1\nregel 2\r\n\tingesprongen", "👩🏽‍⚕️ zorg", "مرحبا", "'; DROP TABLE \"Answer\"; --"]) {
      expect(hasNoControlCharacters(text), text).toBe(true);
    }
  });

  it("refuses NUL and the other invisible control characters", () => {
    for (const text of ["a\u0000b", "\u0007", "x\u001By", "\u007F"]) expect(hasNoControlCharacters(text)).toBe(false);
  });
});
