-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'LANDELIJK';

-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "deeltVoorbeelden" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Verbeteractie" ADD COLUMN     "doelscore" INTEGER;

