import { z } from "zod";
import vng2019 from "@/content/frameworks/vng-werken-aan-veiligheid-2019.json" with { type: "json" };
import { ZFrameworkSchema, type TFramework, type TFrameworkRequirement } from "./schema";

/*
 * Every kwaliteitskader version shipped with the app. Static imports (no fs)
 * so this module works in Next.js server and client bundles alike; a new
 * version is a new JSON file plus one line here (a test checks that every
 * file in content/frameworks is registered).
 */
const FRAMEWORK_FILES: ReadonlyArray<{ file: string; data: unknown }> = [{ file: "content/frameworks/vng-werken-aan-veiligheid-2019.json", data: vng2019 }];

/** The version new zelfscans use. Stored answers keep their own version. */
export const CURRENT_FRAMEWORK_VERSION = "2019";

export type Footnote = {
  readonly number: number;
  readonly text: string;
  readonly links: readonly string[];
};

/** One scored question: a sub-item (e.g. "3a") or a whole eis without sub-items (e.g. "4"). */
export type Onderdeel = {
  readonly id: string;
  readonly requirementNumber: number;
  readonly letter: string | null;
  readonly text: string;
  readonly shortTitle: string;
  readonly footnotes: readonly Footnote[];
  /** 1-based position in framework order (1..items.length). */
  readonly order: number;
};

type RequirementNote = {
  readonly text: string;
  /** Requirement numbers the note covers; the source says "Beide" for a pair of eisen. */
  readonly appliesTo: readonly number[];
};

export type Requirement = {
  readonly number: number;
  readonly chapterId: string;
  readonly sectionId: string | null;
  readonly shortTitle: string;
  /** The lead sentence (ending in ':') when the eis has sub-items, otherwise the whole eis. */
  readonly text: string;
  readonly footnotes: readonly Footnote[];
  readonly note: RequirementNote | null;
  readonly onderdelen: readonly Onderdeel[];
};

export type Section = {
  readonly id: string;
  readonly title: string;
  readonly introduction: string;
  readonly requirements: readonly Requirement[];
};

export type Chapter = {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly introduction: string;
  readonly sections: readonly Section[];
  /** All requirements of the chapter, including those inside its sections. */
  readonly requirements: readonly Requirement[];
};

type ScaleLevel = {
  readonly value: number;
  readonly label: string;
  readonly explanation: string;
};

type Scale = {
  readonly max: number;
  readonly levels: readonly ScaleLevel[];
  readonly weetIkNiet: {
    readonly label: string;
    readonly explanation: string;
    readonly countsAs: number;
    readonly flagForFollowUp: boolean;
  };
};

export type Framework = {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly publisher: string;
  /** ISO date (YYYY-MM-DD). */
  readonly adoptedOn: string;
  readonly status: string;
  /** Path relative to content/ of the verbatim source text. */
  readonly sourceFile: string;
  readonly scale: Scale;
  readonly chapters: readonly Chapter[];
  readonly requirements: readonly Requirement[];
  /** All scored items in framework order. */
  readonly onderdelen: readonly Onderdeel[];
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function normalize(raw: TFramework): Framework {
  // Shared Footnote objects, so identical references resolve to the same value.
  const footnotes = new Map<number, Footnote>(Object.values(raw.footnotes).map((f) => [f.number, { number: f.number, text: f.text, links: f.links }]));
  // The schema has already checked that every reference exists.
  const resolve = (refs: number[]) => refs.map((n) => footnotes.get(n)!);

  const onderdelen: Onderdeel[] = [];
  const toRequirement = (req: TFrameworkRequirement): Requirement => {
    // An eis without sub-items is scored as a whole, as one item with its own number as id.
    const parts = req.subItems ?? [{ id: String(req.number), letter: null, text: req.text, shortTitle: req.shortTitle, footnotes: req.footnotes }];
    const own: Onderdeel[] = parts.map((part, i) => ({
      id: part.id,
      requirementNumber: req.number,
      letter: part.letter,
      text: part.text,
      shortTitle: part.shortTitle,
      footnotes: resolve(part.footnotes),
      order: onderdelen.length + i + 1,
    }));
    onderdelen.push(...own);
    return {
      number: req.number,
      chapterId: req.chapterId,
      sectionId: req.sectionId,
      shortTitle: req.shortTitle,
      text: req.text,
      footnotes: resolve(req.footnotes),
      note: req.note ? { text: req.note.text, appliesTo: req.note.appliesTo } : null,
      onderdelen: own,
    };
  };

  const requirements = raw.requirements.map(toRequirement);
  const chapters: Chapter[] = raw.chapters.map((chapter) => ({
    id: chapter.id,
    number: chapter.number,
    title: chapter.title,
    introduction: chapter.introduction,
    sections: chapter.sections.map((section) => ({
      id: section.id,
      title: section.title,
      introduction: section.introduction,
      requirements: requirements.filter((r) => r.chapterId === chapter.id && r.sectionId === section.id),
    })),
    requirements: requirements.filter((r) => r.chapterId === chapter.id),
  }));

  return deepFreeze({
    id: raw.id,
    version: raw.version,
    title: raw.title,
    publisher: raw.publisher,
    adoptedOn: raw.adoptedOn,
    status: raw.status,
    sourceFile: raw.sourceFile,
    // The content file's "unknown" is the scale's Weet ik niet option (docs/glossary.md).
    scale: { max: raw.scale.max, levels: raw.scale.levels, weetIkNiet: raw.scale.unknown },
    chapters,
    requirements,
    onderdelen,
  });
}

function load(): ReadonlyMap<string, Framework> {
  const byVersion = new Map<string, Framework>();
  for (const { file, data } of FRAMEWORK_FILES) {
    const result = ZFrameworkSchema.safeParse(data);
    if (!result.success) {
      throw new Error(`Invalid kwaliteitskader content in ${file}:\n${z.prettifyError(result.error)}`);
    }
    if (byVersion.has(result.data.version)) {
      throw new Error(`Duplicate kwaliteitskader version "${result.data.version}" in ${file}`);
    }
    byVersion.set(result.data.version, normalize(result.data));
  }
  if (!byVersion.has(CURRENT_FRAMEWORK_VERSION)) {
    throw new Error(`CURRENT_FRAMEWORK_VERSION "${CURRENT_FRAMEWORK_VERSION}" has no content file`);
  }
  return byVersion;
}

// Validate once at module load so broken content fails the build/first request, not a user.
const FRAMEWORKS = load();

/** Known versions, oldest first. */
export function listFrameworkVersions(): readonly string[] {
  return [...FRAMEWORKS.keys()].sort();
}

export function getFramework(version: string): Framework {
  const framework = FRAMEWORKS.get(version);
  if (!framework) {
    throw new Error(`Unknown kwaliteitskader version "${version}" (known: ${listFrameworkVersions().join(", ")})`);
  }
  return framework;
}

/** Undefined for ids that are not in this version (e.g. answers stored against another version). */
export function getOnderdeel(framework: Framework, onderdeelId: string): Onderdeel | undefined {
  return framework.onderdelen.find((onderdeel) => onderdeel.id === onderdeelId);
}
