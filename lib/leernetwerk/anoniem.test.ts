import { describe, expect, it } from "vitest";
import { anonimiseer, letter, presentatieSleutel } from "./anoniem";

const GEMEENTEN = [
  { id: "g1", name: "Delft" },
  { id: "g2", name: "Den Haag" },
  { id: "g3", name: "Leidschendam-Voorburg" },
  { id: "g4", name: "Zoetermeer" },
  { id: "g5", name: "Leiden" },
  { id: "g6", name: "Leiden-Noord" },
  { id: "g7", name: "Ede" },
];
const SLEUTEL = presentatieSleutel("geheim van de server", "meetronde-1");

describe("letter", () => {
  it("counts A to Z, then AA, AB", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });
});

describe("anonimiseer", () => {
  const anoniem = anonimiseer(GEMEENTEN, SLEUTEL);
  const label = (name: string) => anoniem.naam(GEMEENTEN.find((gemeente) => gemeente.name === name)!.id);

  it("gives every gemeente its own letter, in an order set by the key: not the alphabet, the same for any order given", () => {
    const labels = GEMEENTEN.map((gemeente) => anoniem.naam(gemeente.id));
    expect([...labels].sort()).toEqual(["A", "B", "C", "D", "E", "F", "G"].map((l) => `Gemeente ${l}`));
    expect(labels).not.toEqual([...labels].sort());
    const reversed = anonimiseer([...GEMEENTEN].reverse(), SLEUTEL);
    for (const gemeente of GEMEENTEN) expect(reversed.naam(gemeente.id)).toBe(anoniem.naam(gemeente.id));
    // Another round (another key): other letters, so that a letter says nothing from one round to the next.
    const other = anonimiseer(GEMEENTEN, presentatieSleutel("geheim van de server", "meetronde-2"));
    expect(GEMEENTEN.map((gemeente) => other.naam(gemeente.id))).not.toEqual(labels);
    expect(anoniem.naam("onbekend")).toBe("Onbekende gemeente");
  });

  it("replaces every name in free text, whatever its case, with any separator, and a 'gemeente' before it", () => {
    expect(anoniem.tekst("1a Regiovisie: hier is in Delft nog niets voor geregeld. DELFT en den haag werken samen.")).toBe(
      `1a Regiovisie: hier is in ${label("Delft")} nog niets voor geregeld. ${label("Delft")} en ${label("Den Haag")} werken samen.`,
    );
    expect(anoniem.tekst("De gemeente Zoetermeer en Leidschendam-Voorburg")).toBe(`De ${label("Zoetermeer")} en ${label("Leidschendam-Voorburg")}`);
    expect(anoniem.tekst("Den-Haag, den_haag en Leidschendam Voorburg")).toBe(
      `${label("Den Haag")}, ${label("Den Haag")} en ${label("Leidschendam-Voorburg")}`,
    );
  });

  it("replaces adjectives and the longer parts of a compound name, not the short ones", () => {
    expect(anoniem.tekst("De Haagse aanpak, het Delfts model")).toBe(`De ${label("Den Haag")} aanpak, het ${label("Delft")} model`);
    expect(anoniem.tekst("Leidschendam en Voorburg werken samen")).toBe(`${label("Leidschendam-Voorburg")} en ${label("Leidschendam-Voorburg")} werken samen`);
    expect(anoniem.tekst("Wat den een doet")).toBe("Wat den een doet");
  });

  it("replaces whole words only: a short name inside another word stays", () => {
    expect(anoniem.tekst("Ede heeft het beleden")).toBe(`${label("Ede")} heeft het beleden`);
    expect(anoniem.tekst("Delftware en Zoetermeerse")).toBe(`Delftware en ${label("Zoetermeer")}`);
  });

  it("replaces the longer name first, so that a shorter name inside it leaks nothing", () => {
    expect(anoniem.tekst("Leiden-Noord en Leiden")).toBe(`${label("Leiden-Noord")} en ${label("Leiden")}`);
  });

  it("never replaces a label again, and leaves text without names alone", () => {
    const withLetterNames = anonimiseer(
      [
        { id: "x", name: "Gemeente A" },
        { id: "y", name: "Ede" },
      ],
      SLEUTEL,
    );
    expect(withLetterNames.tekst("Ede en Gemeente A")).toBe(`${withLetterNames.naam("y")} en ${withLetterNames.naam("x")}`);
    expect(anoniem.tekst("Geen namen hier.")).toBe("Geen namen hier.");
    expect(anonimiseer([], SLEUTEL).tekst("Delft")).toBe("Delft");
  });
});
