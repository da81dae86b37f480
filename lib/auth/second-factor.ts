// PLACEHOLDER-REPLACED-BY-MFA-WORK
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function verifySecondFactor(_prisma: PrismaClient, _userId: string, _code: string): Promise<boolean> {
  throw new Error("not implemented yet");
}
