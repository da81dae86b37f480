-- One vocabulary (docs/glossary.md): the columns take the names of the glossary. Renamed in place,
-- so that every answer, comment and action keeps its values; the generator's DROP COLUMN + ADD
-- COLUMN would have emptied them. The indexes keep their columns and take the names Prisma gives them.

-- Answer: the onderdeel answered, the "Weet ik niet" flag and the doelniveau.
ALTER TABLE "Answer" RENAME COLUMN "itemId" TO "onderdeelId";
ALTER TABLE "Answer" RENAME COLUMN "unknown" TO "weetIkNiet";
ALTER TABLE "Answer" RENAME COLUMN "targetLevel" TO "doelniveau";
ALTER INDEX "Answer_zelfscanId_itemId_key" RENAME TO "Answer_zelfscanId_onderdeelId_key";

-- Comment: the onderdeel a thread is about.
ALTER TABLE "Comment" RENAME COLUMN "itemId" TO "onderdeelId";
ALTER INDEX "Comment_zelfscanId_itemId_idx" RENAME TO "Comment_zelfscanId_onderdeelId_idx";

-- The onderdelen an action addresses, in the local and in the regional plan.
ALTER TABLE "Verbeteractie" RENAME COLUMN "itemIds" TO "onderdeelIds";
ALTER TABLE "RegionaleActie" RENAME COLUMN "itemIds" TO "onderdeelIds";
