import { describe, expect, it } from "vitest";
import { isPlainText, plainId } from "./text";

describe("free text", () => {
  it("accepts every language, markup and ordinary white space", () => {
    for (const text of [
      "Café Súdwest-Fryslân",
      "<b>vet</b> & 'quote'",
      "regel 1\nregel 2\r\n\tingesprongen",
      "👩🏽‍⚕️ zorg",
      "مرحبا",
      '\'; DROP TABLE "Answer"; --',
      "e\u0301 \u200B \u200D",
      "עברית ومرحبا mixed",
    ]) {
      expect(isPlainText(text), text).toBe(true);
    }
  });

  it("refuses NUL and the other invisible control characters", () => {
    for (const text of ["a\u0000b", "\u0007", "x\u001By", "\u007F"]) expect(isPlainText(text)).toBe(false);
  });

  it("refuses the bidirectional controls that reorder what a reader sees", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];
    for (const control of controls) expect(isPlainText(`factuur${control}fdp.exe`), control.codePointAt(0)!.toString(16)).toBe(false);
    expect(isPlainText("Zoë \u202Eomgekeerd\u202C")).toBe(false);
  });

  it("refuses half of a surrogate pair, which would not be stored as sent", () => {
    for (const text of ["a\uD800b", "\uDC00", "x\uD83D"]) expect(isPlainText(text), JSON.stringify(text)).toBe(false);
    expect(isPlainText("\uD83D\uDC4D")).toBe(true);
  });
});

describe("ids from a server action's arguments", () => {
  it("keep a real id and turn anything else into one that matches nothing", () => {
    expect(plainId("cmx4e4gts000hf87d4gg08mfh")).toBe("cmx4e4gts000hf87d4gg08mfh");
    for (const value of ["a\u0000b", "x".repeat(101), 42, null, undefined, ["a"], { id: "a" }, "half\uD800"])
      expect(plainId(value), JSON.stringify(value)).toBe("");
  });
});
