-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MessageKind" ADD VALUE 'TOEWIJZING';
ALTER TYPE "MessageKind" ADD VALUE 'TOEWIJZING_TERMIJN';

-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "coordinatorId" TEXT;

-- AlterTable
ALTER TABLE "Zelfscan" ADD COLUMN     "onlyAssigneesEdit" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Verbeteractie" ADD COLUMN     "ownerId" TEXT;

-- CreateTable
CREATE TABLE "ActieVoortgang" (
    "id" TEXT NOT NULL,
    "verbeteractieId" TEXT NOT NULL,
    "status" "ActieStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "notedOn" TIMESTAMP(3) NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActieVoortgang_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "zelfscanId" TEXT NOT NULL,
    "onderdeelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3),
    "note" TEXT NOT NULL DEFAULT '',
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActieVoortgang_verbeteractieId_notedOn_idx" ON "ActieVoortgang"("verbeteractieId", "notedOn");

-- CreateIndex
CREATE INDEX "Assignment_userId_idx" ON "Assignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_zelfscanId_onderdeelId_userId_key" ON "Assignment"("zelfscanId", "onderdeelId", "userId");

-- CreateIndex
CREATE INDEX "Verbeteractie_ownerId_idx" ON "Verbeteractie"("ownerId");

-- AddForeignKey
ALTER TABLE "Gemeente" ADD CONSTRAINT "Gemeente_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verbeteractie" ADD CONSTRAINT "Verbeteractie_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActieVoortgang" ADD CONSTRAINT "ActieVoortgang_verbeteractieId_fkey" FOREIGN KEY ("verbeteractieId") REFERENCES "Verbeteractie"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActieVoortgang" ADD CONSTRAINT "ActieVoortgang_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_zelfscanId_fkey" FOREIGN KEY ("zelfscanId") REFERENCES "Zelfscan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

