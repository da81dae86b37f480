import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignForm } from "@/components/zelfscan/AssignForm";
import { AssignmentActions } from "@/components/zelfscan/AssignmentActions";
import { OnlyAssigneesEditChoice } from "@/components/zelfscan/OnlyAssigneesEditChoice";
import { captionClass, linkClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { dayInAmsterdam } from "@/lib/shared/dates";
import { formatDate } from "@/lib/shared/format";
import { ONLY_ASSIGNEES_EDIT_LABEL } from "@/lib/shared/zelfscan/assignment-schema";
import { listAssignments } from "@/lib/zelfscan/assignments";
import { getZelfscan } from "@/lib/zelfscan/queries";
import { assignAction, reassignAction, setOnlyAssigneesEditAction, unassignAction, updateAssignmentAction } from "./actions";

export const metadata: Metadata = { title: "Toewijzingen" };

export default async function ToewijzingenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/zelfscans/${id}/toewijzingen`);
  const found = await getZelfscan(prisma(), actor, id);
  if (!found) notFound();
  const { scan, framework } = found;
  const assigned = await listAssignments(prisma(), actor, scan.id);
  if (!assigned) notFound();
  // The coordinator changes the assignments while the scan may be changed; everyone else who may
  // read the scan (its officers, the region's leaders) sees them.
  const manages = assigned.coordinates && found.mayEdit;
  // One row per eis and person: the onderdelen of that eis assigned to them.
  const rows = framework.requirements.flatMap((requirement) => {
    const ids = new Set(requirement.onderdelen.map((onderdeel) => onderdeel.id));
    const people = [...new Set(assigned.assignments.filter((row) => ids.has(row.onderdeelId)).map((row) => row.userId))];
    return people.map((userId) => {
      const mine = assigned.assignments.filter((row) => row.userId === userId && ids.has(row.onderdeelId));
      return { requirement, userId, name: mine[0]!.name, onderdeelIds: mine.map((row) => row.onderdeelId), dueOn: mine[0]!.dueOn, note: mine[0]!.note };
    });
  });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/zelfscans/${scan.id}`} className={linkClass}>
            Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Toewijzingen</h1>
        <p>
          {manages
            ? "Wijs eisen of losse onderdelen toe aan een of meer collega's, met een termijn en een notitie als u wilt. Zij krijgen daarvan bericht."
            : "Wie welke eisen en onderdelen van deze zelfscan invult. De coördinator van de gemeente wijst ze toe."}
        </p>
        <p>
          <strong>Wie mag wat aanpassen:</strong> {ONLY_ASSIGNEES_EDIT_LABEL[assigned.onlyAssigneesEdit ? "true" : "false"]}.
        </p>
      </header>

      <table className={tableClass}>
        <caption className={captionClass}>Huidige toewijzingen</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Eis
            </th>
            <th scope="col" className={thClass}>
              Onderdelen
            </th>
            <th scope="col" className={thClass}>
              Toegewezen aan
            </th>
            <th scope="col" className={thClass}>
              Termijn
            </th>
            <th scope="col" className={thClass}>
              Notitie
            </th>
            {manages && (
              <th scope="col" className={thClass}>
                Acties
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={manages ? 6 : 5} className={tdClass}>
                Er is nog niets toegewezen.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={`${row.requirement.number}-${row.userId}`} className="border-t border-slate-300">
              <th scope="row" className={tdClass}>
                Eis {row.requirement.number}: {row.requirement.shortTitle}
              </th>
              <td className={tdClass}>{row.onderdeelIds.length === row.requirement.onderdelen.length ? "de hele eis" : row.onderdeelIds.join(", ")}</td>
              <td className={tdClass}>{row.name}</td>
              <td className={tdClass}>{row.dueOn ? formatDate(row.dueOn) : "geen"}</td>
              <td className={tdClass}>{row.note || "–"}</td>
              {manages && (
                <td className={tdClass}>
                  <AssignmentActions
                    id={`toewijzing-${row.requirement.number}-${row.userId}`}
                    label={`eis ${row.requirement.number} van ${row.name}`}
                    current={{ dueOn: row.dueOn ? dayInAmsterdam(row.dueOn) : "", note: row.note }}
                    colleagues={assigned.colleagues.filter((colleague) => colleague.id !== row.userId).map(({ id, name }) => ({ id, name }))}
                    update={updateAssignmentAction.bind(null, scan.id, row.userId, row.onderdeelIds)}
                    reassign={reassignAction.bind(null, scan.id, row.userId, row.onderdeelIds)}
                    remove={unassignAction.bind(null, scan.id, row.userId, row.onderdeelIds)}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {manages && (
        <>
          <section aria-labelledby="toewijzen" className="space-y-3">
            <h2 id="toewijzen" className="text-xl font-semibold">
              Toewijzen
            </h2>
            <AssignForm
              eisen={framework.requirements.map((requirement) => ({
                number: requirement.number,
                shortTitle: requirement.shortTitle,
                onderdelen: requirement.onderdelen.map((onderdeel) => ({ id: onderdeel.id, letter: onderdeel.letter, shortTitle: onderdeel.shortTitle })),
              }))}
              colleagues={assigned.colleagues.map(({ id, name }) => ({ id, name }))}
              action={assignAction.bind(null, scan.id)}
            />
          </section>
          <section aria-labelledby="wie-mag" className="space-y-3">
            <h2 id="wie-mag" className="text-xl font-semibold">
              Wie mag wat aanpassen
            </h2>
            <OnlyAssigneesEditChoice current={assigned.onlyAssigneesEdit} action={setOnlyAssigneesEditAction.bind(null, scan.id)} />
          </section>
        </>
      )}
    </div>
  );
}
