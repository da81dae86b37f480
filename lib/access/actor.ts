// Who is acting. What their grants say is read in grants.ts; the rules of what they may read and
// change, each in its pure, Prisma and SQL forms, are in rules/ (readable, editable, leads-region),
// so that scoping happens inside the database query and is written once.
import type { Grant } from "./grants";

export type { Grant, Grants } from "./grants";
export { isBeheerder, leaderRegioIds, officerGemeenteIds } from "./grants";

export type Actor = {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  grants: readonly Grant[];
};

// The pure forms of the rules, also importable from here for the callers that do so today.
export { canReadGemeente } from "./rules/readable";
export { canEditGemeente } from "./rules/editable";
export { canLeadRegio } from "./rules/leads-region";
