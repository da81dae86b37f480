import { z } from "zod";

/*
 * Schema for a kwaliteitskader stored as JSON in content/frameworks.
 *
 * Texts of requirements (eisen), sub-items, notes and footnotes are verbatim
 * copies of the source document (footnote markers removed, whitespace
 * collapsed), so the schema never transforms strings: what is stored is what
 * is shown. shortTitle, introduction and the scale explanations are our own
 * wording. The cross-reference checks live in one superRefine so that a
 * broken content file fails at module load with all problems listed at once.
 */

const ZText = z.string().regex(/^\S(?:[\s\S]*\S)?$/, "must be non-empty without leading/trailing whitespace");

// Short labels are used as navigation entries and heat-map column headers.
const ZShortTitle = ZText.refine((s) => {
  const words = s.split(/\s+/).length;
  return words >= 2 && words <= 5;
}, "shortTitle must be 2-5 words");

const ZFootnoteRefs = z.array(z.number().int().positive());

const ZFrameworkSubItemSchema = z.strictObject({
  letter: z.string().regex(/^[a-z]$/),
  id: z.string(),
  text: ZText,
  shortTitle: ZShortTitle,
  footnotes: ZFootnoteRefs,
});

// The source attaches some remarks to a group of eisen ("Beide kunnen ...");
// appliesTo keeps that grouping explicit so a UI can say which eisen it covers.
const ZFrameworkRequirementNoteSchema = z.strictObject({
  text: ZText,
  appliesTo: z.array(z.number().int().positive()).min(1),
});

const ZFrameworkRequirementSchema = z.strictObject({
  number: z.number().int().positive(),
  chapterId: z.string().min(1),
  sectionId: z.string().min(1).nullable(),
  shortTitle: ZShortTitle,
  // With subItems this is the lead sentence ending in ':'; without, it is the
  // whole eis and is scored as a single item.
  text: ZText,
  footnotes: ZFootnoteRefs,
  note: ZFrameworkRequirementNoteSchema.optional(),
  subItems: z.array(ZFrameworkSubItemSchema).min(1).optional(),
});

const ZFrameworkSectionSchema = z.strictObject({
  id: z.string().min(1),
  title: ZText,
  introduction: ZText,
});

const ZFrameworkChapterSchema = z.strictObject({
  id: z.string().min(1),
  number: z.number().int().positive(),
  title: ZText,
  introduction: ZText,
  sections: z.array(ZFrameworkSectionSchema),
});

const ZFrameworkScaleLevelSchema = z.strictObject({
  value: z.number().int().min(0),
  label: ZText,
  explanation: ZText,
});

const ZFrameworkScaleUnknownSchema = z.strictObject({
  label: ZText,
  explanation: ZText,
  countsAs: z.number().int().min(0),
  flagForFollowUp: z.boolean(),
});

const ZFrameworkScaleSchema = z
  .strictObject({
    max: z.number().int().positive(),
    levels: z.array(ZFrameworkScaleLevelSchema).min(2),
    unknown: ZFrameworkScaleUnknownSchema,
  })
  .superRefine((scale, ctx) => {
    scale.levels.forEach((level, i) => {
      if (level.value !== i) {
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "value"],
          message: `scale values must run 0..max consecutively; expected ${i}, got ${level.value}`,
        });
      }
    });
    if (scale.levels.length !== scale.max + 1) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `max is ${scale.max} but there are ${scale.levels.length} levels`,
      });
    }
    const labels = [...scale.levels.map((l) => l.label), scale.unknown.label];
    if (new Set(labels).size !== labels.length) {
      ctx.addIssue({ code: "custom", path: ["levels"], message: "scale labels must be unique" });
    }
    if (scale.unknown.countsAs > scale.max) {
      ctx.addIssue({
        code: "custom",
        path: ["unknown", "countsAs"],
        message: `countsAs ${scale.unknown.countsAs} is not a scale value`,
      });
    }
  });

const ZFrameworkFootnoteSchema = z.strictObject({
  number: z.number().int().positive(),
  text: ZText,
  links: z.array(z.url({ protocol: /^https?$/ })),
});

export const ZFrameworkSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    version: z.string().regex(/^[A-Za-z0-9.-]+$/),
    title: ZText,
    publisher: ZText,
    adoptedOn: z.iso.date(),
    status: ZText,
    // Relative to content/; the verbatim source the texts are checked against.
    sourceFile: z.string().regex(/^sources\/[a-z0-9.-]+\.txt$/),
    scale: ZFrameworkScaleSchema,
    chapters: z.array(ZFrameworkChapterSchema).min(1),
    requirements: z.array(ZFrameworkRequirementSchema).min(1),
    footnotes: z.record(z.string().regex(/^\d+$/), ZFrameworkFootnoteSchema),
  })
  .superRefine((fw, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

    // Chapters and sections: unique ids, ascending chapter numbers. The
    // position map defines document order, which requirements must follow.
    const chapterIds = new Set<string>();
    const sectionIds = new Set<string>();
    const position = new Map<string, number>();
    let previousChapterNumber = 0;
    fw.chapters.forEach((chapter, ci) => {
      if (chapterIds.has(chapter.id) || sectionIds.has(chapter.id)) issue(["chapters", ci, "id"], `duplicate id "${chapter.id}"`);
      chapterIds.add(chapter.id);
      if (chapter.number <= previousChapterNumber) issue(["chapters", ci, "number"], "chapter numbers must be ascending");
      previousChapterNumber = chapter.number;
      position.set(`${chapter.id}/`, position.size);
      chapter.sections.forEach((section, si) => {
        if (chapterIds.has(section.id) || sectionIds.has(section.id)) {
          issue(["chapters", ci, "sections", si, "id"], `duplicate id "${section.id}"`);
        }
        sectionIds.add(section.id);
        position.set(`${chapter.id}/${section.id}`, position.size);
      });
    });

    const referenced = new Set<number>();
    const checkFootnoteRefs = (refs: number[], path: (string | number)[]) => {
      let previous = 0;
      refs.forEach((n, i) => {
        referenced.add(n);
        if (!fw.footnotes[String(n)]) issue([...path, i], `footnote ${n} is referenced but not defined`);
        if (n <= previous) issue([...path, i], "footnote references must be ascending and unique");
        previous = n;
      });
    };

    const itemIds = new Set<string>();
    const addItemId = (id: string, path: (string | number)[]) => {
      if (itemIds.has(id)) issue(path, `duplicate item id "${id}"`);
      itemIds.add(id);
    };

    let lastPosition = -1;
    fw.requirements.forEach((req, ri) => {
      const path = ["requirements", ri];
      if (req.number !== ri + 1) issue([...path, "number"], `requirements must be numbered 1..n in order; expected ${ri + 1}, got ${req.number}`);

      const chapter = fw.chapters.find((c) => c.id === req.chapterId);
      if (!chapter) {
        issue([...path, "chapterId"], `unknown chapter "${req.chapterId}"`);
      } else if (req.sectionId === null && chapter.sections.length > 0) {
        issue([...path, "sectionId"], `chapter "${chapter.id}" has sections, so sectionId is required`);
      } else if (req.sectionId !== null && !chapter.sections.some((s) => s.id === req.sectionId)) {
        issue([...path, "sectionId"], `unknown section "${req.sectionId}" in chapter "${chapter.id}"`);
      } else {
        const pos = position.get(`${req.chapterId}/${req.sectionId ?? ""}`)!;
        if (pos < lastPosition) issue(path, "requirements must follow the chapter/section order");
        lastPosition = pos;
      }

      checkFootnoteRefs(req.footnotes, [...path, "footnotes"]);

      if (req.note) {
        const { appliesTo, text } = req.note;
        if (!appliesTo.includes(req.number)) issue([...path, "note", "appliesTo"], "a note must apply to its own requirement");
        for (const n of appliesTo) {
          const other = fw.requirements.find((r) => r.number === n);
          if (!other) issue([...path, "note", "appliesTo"], `unknown requirement ${n}`);
          else if (other.note?.text !== text) issue([...path, "note", "appliesTo"], `requirement ${n} must carry the same note`);
        }
      }

      if (!req.subItems) {
        addItemId(String(req.number), path);
        return;
      }
      if (!req.text.endsWith(":")) issue([...path, "text"], "the lead sentence of a requirement with sub-items ends with ':'");
      req.subItems.forEach((sub, si) => {
        const subPath = [...path, "subItems", si];
        const expectedLetter = String.fromCharCode("a".charCodeAt(0) + si);
        if (sub.letter !== expectedLetter) issue([...subPath, "letter"], `expected letter "${expectedLetter}", got "${sub.letter}"`);
        if (sub.id !== `${req.number}${sub.letter}`) issue([...subPath, "id"], `id must be "${req.number}${sub.letter}", got "${sub.id}"`);
        addItemId(sub.id, [...subPath, "id"]);
        checkFootnoteRefs(sub.footnotes, [...subPath, "footnotes"]);
      });
    });

    for (const [key, footnote] of Object.entries(fw.footnotes)) {
      if (key !== String(footnote.number)) issue(["footnotes", key, "number"], `key "${key}" does not match number ${footnote.number}`);
      if (!referenced.has(footnote.number)) issue(["footnotes", key], `footnote ${footnote.number} is not referenced`);
      footnote.links.forEach((link, i) => {
        // Links are extracted from the text; bare "www." addresses get a scheme added.
        if (!footnote.text.includes(link) && !footnote.text.includes(link.replace(/^https?:\/\//, ""))) {
          issue(["footnotes", key, "links", i], "link does not occur in the footnote text");
        }
      });
    }
  });

export type TFramework = z.infer<typeof ZFrameworkSchema>;
export type TFrameworkRequirement = z.infer<typeof ZFrameworkRequirementSchema>;
