-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('UITNODIGING', 'WACHTWOORD_HERSTEL', 'BEVEILIGING', 'MEETRONDE_GEOPEND', 'HERINNERING', 'ZELFSCAN_INGEDIEND', 'ZELFSCAN_HEROPEND', 'REACTIE', 'ACTIE_TERMIJN', 'SAMENVATTING');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('WACHTEND', 'GEBUNDELD', 'VERZONDEN', 'MISLUKT');

-- CreateEnum
CREATE TYPE "MessageTransport" AS ENUM ('SMTP', 'POSTVAK', 'SAMENVATTING');

-- CreateEnum
CREATE TYPE "MessageDelivery" AS ENUM ('DIRECT', 'DAGELIJKS', 'UIT');

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "userId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT,
    "html" TEXT,
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "gemeenteId" TEXT,
    "regioId" TEXT,
    "status" "MessageStatus" NOT NULL DEFAULT 'WACHTEND',
    "transport" "MessageTransport",
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "digestId" TEXT,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessagePreference" (
    "userId" TEXT NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "delivery" "MessageDelivery" NOT NULL,

    CONSTRAINT "MessagePreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Message_dedupeKey_key" ON "Message"("dedupeKey");

-- CreateIndex
CREATE INDEX "Message_status_createdAt_idx" ON "Message"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Message_userId_status_idx" ON "Message"("userId", "status");

-- CreateIndex
CREATE INDEX "Message_createdAt_idx" ON "Message"("createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagePreference" ADD CONSTRAINT "MessagePreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

