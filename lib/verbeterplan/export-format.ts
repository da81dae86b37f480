// Pure: the actions of a verbeterplan as rows, for the CSV and the Excel export.
import { dayInAmsterdam } from "@/lib/shared/dates";
import { actieStatusLabel, prioriteitLabel } from "@/lib/shared/verbeterplan/labels";

export type ActieRowInput = {
  title: string;
  description: string;
  onderdeelIds: string[];
  ownerName: string;
  ownerRole: string;
  partners: string[];
  deadline: Date | null;
  status: string;
  priority: string;
  borging: string;
};

export const ACTIE_HEADER = [
  "nr",
  "actie",
  "beschrijving",
  "onderdelen",
  "eigenaar",
  "rol eigenaar",
  "partners",
  "deadline",
  "status",
  "prioriteit",
  "borging",
];

/** One row per action, in the plan's order; the deadline stays a Date (the CSV writes yyyy-mm-dd). */
export function actieRows(acties: readonly ActieRowInput[]): (string | number | Date | null)[][] {
  return acties.map((actie, index) => [
    index + 1,
    actie.title,
    actie.description,
    actie.onderdeelIds.join(", "),
    actie.ownerName,
    actie.ownerRole,
    actie.partners.join(", "),
    actie.deadline,
    actieStatusLabel(actie.status),
    prioriteitLabel(actie.priority),
    actie.borging,
  ]);
}

export function actieCsvRows(meta: { gemeente: string; meetronde: string }, acties: readonly ActieRowInput[]): unknown[][] {
  return [
    ["gemeente", "meetronde"],
    [meta.gemeente, meta.meetronde],
    [],
    ACTIE_HEADER,
    ...actieRows(acties).map((row) => row.map((cell) => (cell instanceof Date ? dayInAmsterdam(cell) : cell))),
  ];
}
