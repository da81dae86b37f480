// Pure: the actions of a verbeterplan as rows, for the CSV and the Excel export.
import { ACTIE_STATUS, PRIORITEIT } from "@/lib/shared/verbeterplan/labels";

export type ActieRowInput = {
  title: string;
  description: string;
  itemIds: string[];
  ownerName: string;
  ownerRole: string;
  partners: string[];
  deadline: Date | null;
  status: string;
  priority: string;
  borging: string;
};

export const ACTIE_HEADER = ["nr", "actie", "beschrijving", "onderdelen", "eigenaar", "rol eigenaar", "partners", "deadline", "status", "prioriteit", "borging"];

const label = (list: readonly { value: string; label: string }[], value: string) => list.find((entry) => entry.value === value)?.label ?? value;

/** One row per action, in the plan's order; the deadline stays a Date (the CSV writes yyyy-mm-dd). */
export function actieRows(acties: readonly ActieRowInput[]): (string | number | Date | null)[][] {
  return acties.map((actie, index) => [
    index + 1,
    actie.title,
    actie.description,
    actie.itemIds.join(", "),
    actie.ownerName,
    actie.ownerRole,
    actie.partners.join(", "),
    actie.deadline,
    label(ACTIE_STATUS, actie.status),
    label(PRIORITEIT, actie.priority),
    actie.borging,
  ]);
}

/** The calendar day in the Netherlands, as yyyy-mm-dd (a deadline is the end of that day). */
export function dayInAmsterdam(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(date);
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
