// Who is acting. What their grants say is read in grants.ts; the rules of what they may read and
// change, each in its pure, Prisma and SQL forms, are in rules/ (readable, editable, leads-region),
// so that scoping happens inside the database query and is written once.
import type { Grant } from "./grants";

export type Actor = {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  grants: readonly Grant[];
};
