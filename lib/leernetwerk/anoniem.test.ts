import { describe, expect, it } from "vitest";
import { anonimiseer, letter } from "./anoniem";

const GEMEENTEN = [
  { id: "g1", name: "Delft", scanId: "scan-c" },
  { id: "g2", name: "Den Haag", scanId: "scan-a" },
  { id: "g3", name: "Leidschendam-Voorburg", scanId: null },
  { id: "g4", name: "Zoetermeer", scanId: "scan-b" },
  { id: "g5", name: "Leiden", scanId: null },
  { id: "g6", name: "Leiden-Noord", scanId: null },
];

describe("letter", () => {
  it("counts A to Z, then AA, AB", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });
});

describe("anonimiseer", () => {
  const anoniem = anonimiseer(GEMEENTEN);

  it("gives letters by scan id, then gemeenten without a scan by id: not by the alphabet of names", () => {
    expect(GEMEENTEN.map((gemeente) => anoniem.naam(gemeente.id))).toEqual([
      "Gemeente C",
      "Gemeente A",
      "Gemeente D",
      "Gemeente B",
      "Gemeente E",
      "Gemeente F",
    ]);
    expect(anoniem.naam("onbekend")).toBe("Onbekende gemeente");
  });

  it("is the same whatever the order it is given", () => {
    const reversed = anonimiseer([...GEMEENTEN].reverse());
    for (const gemeente of GEMEENTEN) expect(reversed.naam(gemeente.id)).toBe(anoniem.naam(gemeente.id));
  });

  it("replaces every name in free text, whatever its case, and a 'gemeente' before it", () => {
    expect(anoniem.tekst("1a Regiovisie: hier is in Delft nog niets voor geregeld. DELFT en den haag werken samen.")).toBe(
      "1a Regiovisie: hier is in Gemeente C nog niets voor geregeld. Gemeente C en Gemeente A werken samen.",
    );
    expect(anoniem.tekst("De gemeente Zoetermeer en Leidschendam-Voorburg")).toBe("De Gemeente B en Gemeente D");
  });

  it("replaces the longer name first, so that a shorter name inside it leaks nothing", () => {
    expect(anoniem.tekst("Leiden-Noord en Leiden")).toBe("Gemeente F en Gemeente E");
  });

  it("never replaces a label again, and leaves text without names alone", () => {
    const withLetterNames = anonimiseer([
      { id: "x", name: "Gemeente A", scanId: "2" },
      { id: "y", name: "Ede", scanId: "1" },
    ]);
    expect(withLetterNames.tekst("Ede en Gemeente A")).toBe("Gemeente A en Gemeente B");
    expect(anoniem.tekst("Geen namen hier.")).toBe("Geen namen hier.");
    expect(anonimiseer([]).tekst("Delft")).toBe("Delft");
  });
});
