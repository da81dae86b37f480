-- CreateEnum
CREATE TYPE "InvitationRequestStatus" AS ENUM ('OPEN', 'GOEDGEKEURD', 'AFGEWEZEN');

-- CreateTable
CREATE TABLE "InvitationRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "InvitationRequestStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "userId" TEXT,

    CONSTRAINT "InvitationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvitationRequest_status_createdAt_idx" ON "InvitationRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "InvitationRequest_createdById_createdAt_idx" ON "InvitationRequest"("createdById", "createdAt");

-- AddForeignKey
ALTER TABLE "InvitationRequest" ADD CONSTRAINT "InvitationRequest_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

