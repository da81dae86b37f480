import "server-only";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import type { DbClient } from "./access";

/** Every region with its gemeenten, for the identity provider form (beheerders only). */
export async function organisationTree(prisma: DbClient, actor: Actor) {
  if (!isBeheerder(actor)) return { regios: [] };
  const regios = await prisma.regio.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, gemeenten: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  return { regios };
}
