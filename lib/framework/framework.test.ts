import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import rawVng2019 from "@/content/frameworks/vng-werken-aan-veiligheid-2019.json";
import { CURRENT_FRAMEWORK_VERSION, getFramework, getOnderdeel, listFrameworkVersions, type Onderdeel } from "./index";
import { ZFrameworkSchema, type TFramework } from "./schema";

const CONTENT_DIR = fileURLToPath(new URL("../../content/", import.meta.url));

const EXPECTED_ONDERDEEL_IDS = [
  "1",
  "2",
  "3a",
  "3b",
  "3c",
  "3d",
  "3e",
  "4",
  "5",
  "6a",
  "6b",
  "6c",
  "6d",
  "6e",
  "7a",
  "7b",
  "7c",
  "7d",
  "7e",
  "7f",
  "8a",
  "8b",
  "8c",
  "8d",
  "8e",
  "8f",
  "8g",
  "8h",
  "8i",
  "8j",
  "9",
  "10a",
  "10b",
  "10c",
  "10d",
  "10e",
  "10f",
  "10g",
];

/*
 * Source normalisation for the verbatim checks. Only two things are changed:
 * - whitespace runs collapse to one character ("\n" if the run held a line
 *   break, else " "); `flat` turns those "\n" into " " at the same offsets, so
 *   `flat` is the "collapse all whitespace to one space" text and `lines`
 *   still tells where a source line ended (used to check exact text ends);
 * - footnote markers are removed and remembered with their position:
 *   superscript digits (³⁰) and ^{21,22} groups. Plain digits glued to words
 *   are deliberately NOT removed: in this source they are never footnote
 *   markers, and removing them would corrupt "1Gezin1Plan1Regisseur" and
 *   "Wmo2015" (the test below proves no plain-digit marker is needed).
 */
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const MARKER = /\^\{(\d+(?:,\d+)*)\}|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;

type PreparedSource = { lines: string; flat: string; markers: { at: number; numbers: number[] }[] };

function prepareSource(text: string): PreparedSource {
  const collapsed = text.replace(/\s+/g, (ws) => (ws.includes("\n") ? "\n" : " "));
  let lines = "";
  const markers: PreparedSource["markers"] = [];
  // Removing a marker can bring two whitespace characters together; keep one.
  const append = (s: string) => {
    if (/\s$/.test(lines) && /^\s/.test(s)) {
      const ws = lines.endsWith("\n") || s.startsWith("\n") ? "\n" : " ";
      lines = lines.slice(0, -1) + ws + s.slice(1);
    } else {
      lines += s;
    }
  };
  let last = 0;
  for (const m of collapsed.matchAll(MARKER)) {
    append(collapsed.slice(last, m.index));
    const [, group, superscript = ""] = m;
    const numbers = group ? group.split(",").map(Number) : [Number([...superscript].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join(""))];
    markers.push({ at: lines.length, numbers });
    last = m.index + m[0].length;
  }
  append(collapsed.slice(last));
  return { lines, flat: lines.replaceAll("\n", " "), markers };
}

const framework = getFramework("2019");
const sourceText = readFileSync(CONTENT_DIR + framework.sourceFile, "utf8");
const source = prepareSource(sourceText);

/** Footnote numbers whose marker sits inside (start, end], i.e. within the text or directly after it. */
function markersIn(start: number, end: number): number[] {
  return source.markers.filter((m) => m.at > start && m.at <= end).flatMap((m) => m.numbers);
}

// A mutable copy typed as the schema's input so the broken variants read naturally.
const clone = () => structuredClone(rawVng2019) as unknown as TFramework;

function requirement(n: number) {
  const found = framework.requirements.find((r) => r.number === n);
  if (!found) throw new Error(`requirement ${n} missing`);
  return found;
}

describe("kwaliteitskader content", () => {
  it("validates against the schema", () => {
    const result = ZFrameworkSchema.safeParse(rawVng2019);
    expect(result.success, result.success ? "" : z.prettifyError(result.error)).toBe(true);
  });

  it("has exactly the 38 scored items in framework order", () => {
    expect(framework.onderdelen.map((i) => i.id)).toEqual(EXPECTED_ONDERDEEL_IDS);
    expect(framework.onderdelen).toHaveLength(38);
    expect(framework.onderdelen.map((i) => i.order)).toEqual(EXPECTED_ONDERDEEL_IDS.map((_, i) => i + 1));
  });

  it("has the framework metadata", () => {
    expect(framework).toMatchObject({
      id: "vng-werken-aan-veiligheid",
      version: "2019",
      title: "Werken aan Veiligheid voor lokale (wijk)teams en gemeenten",
      publisher: "VNG",
      adoptedOn: "2019-11-21",
      sourceFile: "sources/vng-werken-aan-veiligheid-2019.txt",
    });
    expect(framework.status).toMatch(/21 november 2019/);
    expect(framework.status).toMatch(/februari 2022/);
  });

  it("has the scale 0-3 plus 'Weet ik niet'", () => {
    expect(framework.scale.max).toBe(3);
    expect(framework.scale.levels.map((l) => [l.value, l.label])).toEqual([
      [0, "Niet ingericht"],
      [1, "In ontwikkeling"],
      [2, "Grotendeels ingericht"],
      [3, "Volledig ingericht en geborgd"],
    ]);
    expect(framework.scale.weetIkNiet).toMatchObject({ label: "Weet ik niet", countsAs: 0, flagForFollowUp: true });
    for (const level of framework.scale.levels) expect(level.explanation.length).toBeGreaterThan(10);
  });

  it("nests requirements in chapters and sections with the document's headings", () => {
    expect(framework.chapters.map((c) => [c.id, c.number, c.requirements.map((r) => r.number)])).toEqual([
      ["3", 3, [1, 2]],
      ["4", 4, [3, 4, 5, 6, 7, 8, 9]],
      ["5", 5, [10]],
    ]);
    const chapter4 = framework.chapters.find((c) => c.id === "4");
    expect(chapter4?.sections.map((s) => [s.id, s.title, s.requirements.map((r) => r.number)])).toEqual([
      ["4-signaleren", "Signaleren en bespreekbaar maken", [3]],
      ["4-zicht", "Zicht op veiligheid", [4, 5]],
      ["4-herstel", "Directe veiligheid, stabiele veiligheid en herstel van de gevolgen", [6, 7, 8, 9]],
    ]);
    for (const chapter of framework.chapters) {
      expect(source.lines).toContain(`\n${chapter.number} ${chapter.title}\n`);
      for (const section of chapter.sections) expect(source.lines).toContain(`\n${section.title}\n`);
    }
  });

  it("has literal spot texts", () => {
    expect(getOnderdeel(framework, "10g")?.text).toBe("Hoe casuïstiek met elkaar wordt geëvalueerd zodat gezamenlijk wordt geleerd.");
    expect(getOnderdeel(framework, "3c")?.text).toBe("toegang hebben tot aandachtsfunctionarissen huiselijk geweld en kindermishandeling");
    expect(getOnderdeel(framework, "3a")?.text).toBe("in staat zijn te werken met de Meldcode Huiselijk geweld en Kindermishandeling");
    expect(getOnderdeel(framework, "6c")?.text).toContain("voor het gezin/ huishouden en op de hoogte is");
    expect(requirement(3).text).toBe("Zorg er voor dat alle professionals in de lokale (wijk)teams:");
    expect(requirement(5).text).toBe(
      "Zorg ervoor dat de lokale (wijk)teams beschikken over voldoende capaciteit om zicht op de veiligheid te houden in die gezinnen en huishoudens die door Veilig Thuis worden overgedragen.",
    );
    const note45 = "Beide kunnen worden opgenomen in inkoop/subsidievoorwaarden en/of ontwikkelopdrachten aan de lokale (wijk)teams.";
    expect(requirement(4).note).toEqual({ text: note45, appliesTo: [4, 5] });
    expect(requirement(5).note).toEqual({ text: note45, appliesTo: [4, 5] });
    expect(requirement(1).note?.text).toMatch(/^Beide kunnen worden opgenomen in de regiovisie huiselijk geweld en kindermishandeling\. /);
  });

  it("quotes every requirement, item and note verbatim from the source, in order, with the right footnotes", () => {
    // Sequential search: items follow document order, and it disambiguates
    // repeated phrases (8c is also a substring of 3d, with another footnote).
    let cursor = 0;
    const find = (text: string, label: string) => {
      const start = source.flat.indexOf(text, cursor);
      expect(start, `${label} not found verbatim after offset ${cursor}: ${text}`).toBeGreaterThanOrEqual(0);
      cursor = start + text.length;
      return { start, end: start + text.length };
    };
    const endsLine = (end: number) => end === source.lines.length || source.lines[end] === "\n";

    for (const req of framework.requirements) {
      const { start, end } = find(req.text, `requirement ${req.number}`);
      expect(source.flat.slice(start - `${req.number}. `.length - 1, start), `requirement ${req.number} start`).toBe(` ${req.number}. `);
      // The text runs to the end of its source line, or up to the note that shares that line (5).
      const followedByNote = req.note !== null && source.flat.startsWith(` ${req.note.text}`, end);
      expect(endsLine(end) || followedByNote, `requirement ${req.number} must end where the source sentence ends`).toBe(true);
      expect(markersIn(start, end), `footnotes of requirement ${req.number}`).toEqual(req.footnotes.map((f) => f.number));

      for (const onderdeel of req.onderdelen) {
        if (onderdeel.letter === null) {
          expect(onderdeel.text).toBe(req.text);
          expect(onderdeel.footnotes).toEqual(req.footnotes);
          continue;
        }
        const found = find(onderdeel.text, `item ${onderdeel.id}`);
        expect(source.flat.slice(found.start - 3, found.start), `item ${onderdeel.id} prefix`).toBe(`${onderdeel.letter}) `);
        expect(endsLine(found.end), `item ${onderdeel.id} must run to the end of its source line`).toBe(true);
        expect(markersIn(found.start, found.end), `footnotes of item ${onderdeel.id}`).toEqual(onderdeel.footnotes.map((f) => f.number));
      }

      if (req.note) {
        const noteStart = source.flat.indexOf(req.note.text);
        expect(noteStart, `note of requirement ${req.number}`).toBeGreaterThanOrEqual(0);
        expect(source.flat.indexOf(req.note.text, noteStart + 1), "note text is unique").toBe(-1);
        expect(markersIn(noteStart, noteStart + req.note.text.length)).toEqual([]);
        // The note comes after the last requirement it covers ("Beide" looks back).
        const lastCovered = requirement(Math.max(...req.note.appliesTo));
        expect(noteStart).toBeGreaterThan(source.flat.indexOf(lastCovered.text));
      }
    }
  });

  it("keeps stored texts free of footnote markers and stray whitespace", () => {
    const texts = [...framework.requirements.flatMap((r) => [r.text, r.note?.text ?? "x"]), ...framework.onderdelen.map((i) => i.text)];
    for (const text of texts) {
      expect(text).not.toMatch(MARKER);
      expect(text).toBe(text.replace(/\s+/g, " ").trim());
    }
  });

  it("finds every footnote marker of the Kwaliteitskader blocks without stripping plain digits", () => {
    const referenced = [...new Set(framework.onderdelen.flatMap((i) => i.footnotes).concat(framework.requirements.flatMap((r) => r.footnotes)))]
      .map((f) => f.number)
      .sort((a, b) => a - b);
    expect(referenced).toEqual([21, 22, 23, 24, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
    expect(getOnderdeel(framework, "6a")?.text).toContain("1Gezin1Plan1Regisseur");
  });

  it("quotes footnotes verbatim (URLs without angle brackets) with valid links", () => {
    const unbracketed = source.flat.replace(/<(https?:\/\/[^>]+)>/g, "$1");
    const footnotes = new Map(
      framework.onderdelen
        .flatMap((i) => i.footnotes)
        .concat(framework.requirements.flatMap((r) => r.footnotes))
        .map((f) => [f.number, f]),
    );
    expect(footnotes.get(21)?.links).toEqual(["https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode"]);
    expect(footnotes.get(30)?.links).toEqual(["https://www.regiesociaaldomein.nl"]);
    for (const footnote of footnotes.values()) {
      expect(unbracketed, `footnote ${footnote.number}`).toContain(footnote.text);
      for (const link of footnote.links) {
        const url = new URL(link);
        expect(["http:", "https:"]).toContain(url.protocol);
        expect(url.hostname).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
        expect(footnote.text).toContain(link.replace(/^https:\/\/(?=www\.)/, ""));
      }
    }
  });

  it("draws the introductions from the text of their chapter/section", () => {
    // The one sentence we condensed ourselves (chapter 4 lists its three taken as bullets).
    const condensed = new Set([
      "De lokale (wijk)teams hebben drie taken: het signaleren en bespreekbaar maken van huiselijk geweld en kindermishandeling, het zicht op veiligheid in de casussen die Veilig Thuis overdraagt, en het bieden of inzetten van ondersteuning, hulpverlening en behandeling gericht op veiligheid en herstel.",
    ]);
    const intros = framework.chapters.flatMap((c) => [c.introduction, ...c.sections.map((s) => s.introduction)]);
    for (const intro of intros) {
      const sentences = intro.split(/(?<=\.)\s+(?=[A-Z])/);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      for (const sentence of sentences) {
        if (!condensed.has(sentence)) expect(source.flat, "introduction sentence not in source").toContain(sentence);
      }
    }
  });

  it("gives every item a unique short title of 2-5 words", () => {
    const titles = framework.onderdelen.map((i) => i.shortTitle);
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of [...titles, ...framework.requirements.map((r) => r.shortTitle)]) {
      expect(title.split(" ").length).toBeGreaterThanOrEqual(2);
      expect(title.split(" ").length).toBeLessThanOrEqual(5);
    }
  });
});

describe("kwaliteitskader schema rejects broken content", () => {
  const rejects = (mutate: (fw: TFramework) => void, message: RegExp) => {
    const data = clone();
    mutate(data);
    const result = ZFrameworkSchema.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success) expect(z.prettifyError(result.error)).toMatch(message);
  };

  it("rejects a duplicate item id", () => {
    rejects((fw) => void (fw.requirements[2]!.subItems![1]!.id = "3a"), /duplicate item id "3a"/);
  });
  it("rejects a missing footnote definition", () => {
    rejects((fw) => void delete fw.footnotes["21"], /footnote 21 is referenced but not defined/);
  });
  it("rejects a reference to an unknown footnote", () => {
    rejects((fw) => void fw.requirements[9]!.subItems![6]!.footnotes.push(99), /footnote 99 is referenced but not defined/);
  });
  it("rejects an unknown chapter", () => {
    rejects((fw) => void (fw.requirements[0]!.chapterId = "7"), /unknown chapter "7"/);
  });
  it("rejects an unknown section", () => {
    rejects((fw) => void (fw.requirements[2]!.sectionId = "4-onbekend"), /unknown section "4-onbekend"/);
  });
  it("rejects non-consecutive requirement numbers", () => {
    rejects((fw) => void (fw.requirements[3]!.number = 5), /numbered 1..n in order/);
  });
  it("rejects an item id that does not match number and letter", () => {
    rejects((fw) => void (fw.requirements[2]!.subItems![0]!.id = "3x"), /id must be "3a"/);
  });
  it("rejects skipped sub-item letters", () => {
    rejects((fw) => void fw.requirements[2]!.subItems!.splice(1, 1), /expected letter "b"/);
  });
  it("rejects a gap in the scale", () => {
    rejects((fw) => void (fw.scale.levels[2]!.value = 5), /scale values must run 0..max/);
  });
  it("rejects unknown properties (strict objects)", () => {
    rejects((fw) => void ((fw.requirements[0] as Record<string, unknown>).extra = true), /Unrecognized key/);
  });
  it("rejects a note that the other requirement does not carry", () => {
    rejects((fw) => void delete fw.requirements[4]!.note, /requirement 5 must carry the same note/);
  });
  it("rejects an invalid footnote link", () => {
    rejects((fw) => void (fw.footnotes["22"]!.links[0] = "not a url"), /links/);
  });
});

describe("kwaliteitskader API", () => {
  it("lists versions and resolves the current one", () => {
    expect(listFrameworkVersions()).toContain(CURRENT_FRAMEWORK_VERSION);
    expect(getFramework(CURRENT_FRAMEWORK_VERSION)).toBe(framework);
    expect(() => getFramework("1999")).toThrow(/Unknown kwaliteitskader version "1999"/);
  });

  it("registers every JSON file in content/frameworks", () => {
    const files = readdirSync(CONTENT_DIR + "frameworks").filter((f) => f.endsWith(".json"));
    const versions = files.map((f) => JSON.parse(readFileSync(`${CONTENT_DIR}frameworks/${f}`, "utf8")).version);
    expect([...versions].sort()).toEqual(listFrameworkVersions());
  });

  it("looks items up by id", () => {
    expect(getOnderdeel(framework, "4")).toMatchObject({ requirementNumber: 4, letter: null, shortTitle: "Actueel beeld veiligheid" });
    expect(getOnderdeel(framework, "3a")?.footnotes.map((f) => f.number)).toEqual([21, 22]);
    expect(getOnderdeel(framework, "3a")?.footnotes[0]?.links[0]).toMatch(/^https:\/\//);
    expect(getOnderdeel(framework, "11")).toBeUndefined();
  });

  it("shares item objects between framework.items and the nested requirements", () => {
    const nested = framework.chapters.flatMap((c) => c.requirements.flatMap((r) => r.onderdelen));
    expect(nested).toHaveLength(38);
    nested.forEach((onderdeel, i) => expect(onderdeel).toBe(framework.onderdelen[i]));
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(framework)).toBe(true);
    expect(Object.isFrozen(framework.onderdelen)).toBe(true);
    expect(Object.isFrozen(getOnderdeel(framework, "3a")?.footnotes)).toBe(true);
    expect(Object.isFrozen(framework.scale.levels[0])).toBe(true);
    expect(() => (framework.onderdelen as Onderdeel[]).pop()).toThrow(TypeError);
  });
});
