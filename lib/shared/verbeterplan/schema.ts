// The form of one improvement action: one schema for react-hook-form and the server. In zod/mini,
// like every schema the browser runs (see lib/shared/forms/zod.ts); the form loads it lazily.
import * as z from "zod/mini";
import { ZId } from "@/lib/shared/forms/id";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";
import { ACTIE_STATUS_VALUES, PRIORITEIT_VALUES } from "@/lib/shared/verbeterplan/labels";

const plainText = z.refine<string>(isPlainText, PLAIN_TEXT_MESSAGE);

/** The fields an action of the local and of the regional plan have alike (lib/shared/regio/schema.ts). */
export const ACTIE_FIELDS = {
  onderdeelIds: z
    .array(z.string().check(z.minLength(1), z.maxLength(8)))
    .check(z.minLength(1, "Koppel de actie aan ten minste één onderdeel."), z.maxLength(38)),
  title: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, "Geef de actie een titel van ten minste 3 tekens."),
      z.maxLength(200, "De titel is te lang (maximaal 200 tekens)."),
      plainText,
    ),
  description: z.string().check(z.trim(), z.maxLength(4000, "De beschrijving is te lang (maximaal 4000 tekens)."), plainText),
  ownerName: z.string().check(z.trim(), z.maxLength(200, "De naam is te lang."), plainText),
  ownerRole: z.string().check(z.trim(), z.maxLength(200, "De rol is te lang."), plainText),
  status: z.enum(ACTIE_STATUS_VALUES, { error: "Kies een status." }),
};

/** Who owns an action: a colleague with an account (ownerId) or an external party named in text (ownerName). */
const OWNER_KIND_VALUES = ["account", "extern"] as const;

export const ZVerbeteractieSchema = z.strictObject({
  ...ACTIE_FIELDS,
  ownerKind: z.enum(OWNER_KIND_VALUES, { error: "Kies wie de eigenaar is." }),
  /** The account (an active officer of the scan's gemeente, checked on the server); only with ownerKind "account". */
  ownerId: z.nullable(ZId),
  partners: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200), plainText)).check(z.maxLength(20, "Maximaal 20 partners.")),
  deadline: z.nullable(
    z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in (dd-mm-jjjj)."),
      z.refine((value) => !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in."),
    ),
  ),
  priority: z.enum(PRIORITEIT_VALUES, { error: "Kies een prioriteit." }),
  borging: z.string().check(z.trim(), z.maxLength(2000, "Deze tekst is te lang (maximaal 2000 tekens)."), plainText),
  /**
   * "Beoogd niveau na afronding": the level (0..the scale's max, checked against the scan's framework
   * on the server) the action should bring its onderdelen to; null: no level, it projects nothing.
   */
  doelscore: z.nullable(z.int("Kies een niveau.").check(z.minimum(0, "Kies een niveau van de schaal."), z.maximum(10, "Kies een niveau van de schaal."))),
});

export type TVerbeteractie = z.infer<typeof ZVerbeteractieSchema>;

/** The merge form: the chosen actions, each with the version the user saw, so that a change made since is a conflict. */
export const ZMergeActiesSchema = z.strictObject({
  acties: z
    .array(z.strictObject({ id: ZId, version: z.int().check(z.minimum(0)) }))
    .check(z.minLength(2, "Kies ten minste twee acties om samen te voegen."), z.maxLength(100, "Kies ten hoogste 100 acties.")),
});

const ZDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in (dd-mm-jjjj)."),
  z.refine((value) => !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in."),
);

/** The "Voortgang melden" form: the new status and a dated note (the day is checked against today on the server). */
export const ZVoortgangSchema = z.strictObject({
  status: z.enum(ACTIE_STATUS_VALUES, { error: "Kies een status." }),
  note: z
    .string()
    .check(z.trim(), z.minLength(1, "Schrijf kort wat er is gebeurd."), z.maxLength(2000, "De toelichting is te lang (maximaal 2000 tekens)."), plainText),
  notedOn: ZDay,
});

export type TVoortgang = z.infer<typeof ZVoortgangSchema>;
