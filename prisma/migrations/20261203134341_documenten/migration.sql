-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "documentQuotaMb" INTEGER;

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ingangsdatum" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersie" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "nummer" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerDocument" (
    "zelfscanId" TEXT NOT NULL,
    "onderdeelId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerDocument_pkey" PRIMARY KEY ("zelfscanId","onderdeelId","documentId")
);

-- CreateIndex
CREATE INDEX "Document_gemeenteId_idx" ON "Document"("gemeenteId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersie_storageKey_key" ON "DocumentVersie"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersie_documentId_nummer_key" ON "DocumentVersie"("documentId", "nummer");

-- CreateIndex
CREATE INDEX "AnswerDocument_documentId_idx" ON "AnswerDocument"("documentId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersie" ADD CONSTRAINT "DocumentVersie_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersie" ADD CONSTRAINT "DocumentVersie_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerDocument" ADD CONSTRAINT "AnswerDocument_zelfscanId_fkey" FOREIGN KEY ("zelfscanId") REFERENCES "Zelfscan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerDocument" ADD CONSTRAINT "AnswerDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerDocument" ADD CONSTRAINT "AnswerDocument_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

