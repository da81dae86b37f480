// The forms of assignments (issue 15): the coordinator hands onderdelen of a scan to colleagues,
// with an optional due date and a note. One schema per form, for react-hook-form and the server.
// An eis is assigned as its onderdelen: the form expands an eis into them.
import * as z from "zod/mini";
import { ZId } from "@/lib/shared/forms/id";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

const plainText = z.refine<string>(isPlainText, PLAIN_TEXT_MESSAGE);

/** "yyyy-mm-dd" (an existing day), or "" for no due date. */
const ZDueOn = z.string().check(
  z.refine((value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value), "Vul een datum in (dd-mm-jjjj), of laat het veld leeg."),
  z.refine((value) => value === "" || !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in."),
);

const ZAssignmentNote = z.string().check(z.trim(), z.maxLength(1000, "De notitie is te lang (maximaal 1000 tekens)."), plainText);

export const ZAssignSchema = z.strictObject({
  onderdeelIds: z.array(z.string().check(z.minLength(1), z.maxLength(8))).check(z.minLength(1, "Kies ten minste één eis of onderdeel."), z.maxLength(200)),
  userIds: z.array(ZId).check(z.minLength(1, "Kies ten minste één collega."), z.maxLength(50)),
  dueOn: ZDueOn,
  note: ZAssignmentNote,
});
export type TAssign = z.infer<typeof ZAssignSchema>;

/** A change of the due date and note of one person's assignment of onderdelen. */
export const ZUpdateAssignmentSchema = z.strictObject({ dueOn: ZDueOn, note: ZAssignmentNote });
export type TUpdateAssignment = z.infer<typeof ZUpdateAssignmentSchema>;

/** The coordinator's choice whether colleagues may change onderdelen not assigned to them. */
export const ONLY_ASSIGNEES_EDIT_LABEL = {
  false: "Collega's mogen ook onderdelen aanpassen die niet aan hen zijn toegewezen",
  true: "Alleen wie een onderdeel is toegewezen (en de coördinator) mag het aanpassen",
} as const;
