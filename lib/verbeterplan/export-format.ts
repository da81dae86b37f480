// Pure: the actions of a verbeterplan as rows, for the CSV and the Excel export.
import { dayInAmsterdam } from "@/lib/shared/dates";
import { actieStatusLabel, prioriteitLabel } from "@/lib/shared/verbeterplan/labels";
import { ownerKindLabel, ownerLabel } from "@/lib/shared/verbeterplan/owner";

export type ActieRowInput = {
  title: string;
  description: string;
  onderdeelIds: string[];
  ownerName: string;
  ownerRole: string;
  owner?: { name: string } | null;
  voortgang?: readonly { status: string; note: string; notedOn: Date; author: { name: string } | null }[];
  partners: string[];
  deadline: Date | null;
  status: string;
  priority: string;
  borging: string;
  /** The level the action should bring its onderdelen to; absent or null: none. */
  doelscore?: number | null;
};

export const ACTIE_HEADER = [
  "nr",
  "actie",
  "beschrijving",
  "onderdelen",
  "eigenaar",
  "soort eigenaar",
  "rol eigenaar",
  "partners",
  "deadline",
  "status",
  "prioriteit",
  "borging",
  "beoogd niveau",
];

/**
 * One row per action, in the plan's order; the deadline stays a Date (the CSV writes yyyy-mm-dd).
 * The beoogd niveau (doelscore) is the last column, a number on the scale, empty when none.
 */
export function actieRows(acties: readonly ActieRowInput[]): (string | number | Date | null)[][] {
  return acties.map((actie, index) => [
    index + 1,
    actie.title,
    actie.description,
    actie.onderdeelIds.join(", "),
    ownerLabel(actie),
    ownerKindLabel(actie),
    actie.ownerRole,
    actie.partners.join(", "),
    actie.deadline,
    actieStatusLabel(actie.status),
    prioriteitLabel(actie.priority),
    actie.borging,
    actie.doelscore ?? null,
  ]);
}

/** The progress history (voortgangsrapportage): one row per dated note, numbered by the action it belongs to. */
export const VOORTGANG_HEADER = ["nr", "actie", "datum", "status", "toelichting", "gemeld door"];

export function voortgangRows(acties: readonly ActieRowInput[]): (string | number | Date)[][] {
  return acties.flatMap((actie, index) =>
    (actie.voortgang ?? []).map((entry) => [index + 1, actie.title, entry.notedOn, actieStatusLabel(entry.status), entry.note, entry.author?.name ?? ""]),
  );
}

export function actieCsvRows(meta: { gemeente: string; meetronde: string }, acties: readonly ActieRowInput[]): unknown[][] {
  return [
    ["gemeente", "meetronde"],
    [meta.gemeente, meta.meetronde],
    [],
    ACTIE_HEADER,
    ...actieRows(acties).map((row) => row.map((cell) => (cell instanceof Date ? dayInAmsterdam(cell) : cell))),
    [],
    ["voortgang"],
    VOORTGANG_HEADER,
    ...voortgangRows(acties).map((row) => row.map((cell) => (cell instanceof Date ? dayInAmsterdam(cell) : cell))),
  ];
}
