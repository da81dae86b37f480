// Who owns an action, as the plan, its exports and the PDF name it: the account's name when an
// account owns it, otherwise the external party named in text.

export type OwnedActie = { ownerName: string; ownerRole: string; owner?: { name: string } | null };

/** "Daan Verbeek" (an account) or "Veilig Thuis Haaglanden" (an external party); "" when nobody. */
export function ownerLabel(actie: OwnedActie): string {
  return actie.owner ? actie.owner.name : actie.ownerName;
}

/** "collega" for an account, "externe partij" for a name in text, "" when there is no owner. */
export function ownerKindLabel(actie: OwnedActie): string {
  if (actie.owner) return "collega";
  return actie.ownerName ? "externe partij" : "";
}

/** The owner with their role, as one line: "Daan Verbeek (collega), beleidsmedewerker jeugd". */
export function ownerLine(actie: OwnedActie): string {
  const name = ownerLabel(actie);
  const who = name ? `${name} (${ownerKindLabel(actie)})` : "";
  return [who, actie.ownerRole].filter(Boolean).join(", ");
}
