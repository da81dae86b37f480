-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('BELEIDSMEDEWERKER', 'PROJECTLEIDER', 'BEHEERDER');

-- CreateEnum
CREATE TYPE "MeetrondeStatus" AS ENUM ('GEPLAND', 'OPEN', 'GESLOTEN');

-- CreateEnum
CREATE TYPE "ZelfscanStatus" AS ENUM ('CONCEPT', 'INGEDIEND', 'HEROPEND');

-- CreateEnum
CREATE TYPE "ActieStatus" AS ENUM ('GEPLAND', 'IN_UITVOERING', 'AFGEROND', 'VERVALLEN');

-- CreateEnum
CREATE TYPE "Prioriteit" AS ENUM ('HOOG', 'MIDDEN', 'LAAG');

-- CreateTable
CREATE TABLE "Regio" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Regio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gemeente" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "regioId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Gemeente_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "totpSecret" TEXT,
    "totpEnabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "gemeenteId" TEXT,
    "regioId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meetronde" (
    "id" TEXT NOT NULL,
    "regioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" "MeetrondeStatus" NOT NULL DEFAULT 'GEPLAND',
    "frameworkId" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meetronde_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Zelfscan" (
    "id" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "meetrondeId" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "status" "ZelfscanStatus" NOT NULL DEFAULT 'CONCEPT',
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "reopenedAt" TIMESTAMP(3),
    "reopenedById" TEXT,
    "reopenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Zelfscan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "zelfscanId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "score" INTEGER,
    "unknown" BOOLEAN NOT NULL DEFAULT false,
    "toelichting" TEXT NOT NULL DEFAULT '',
    "vastgelegdIn" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "vastgelegdAnders" TEXT NOT NULL DEFAULT '',
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "targetLevel" INTEGER NOT NULL DEFAULT 3,
    "carriedOver" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lastEditedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "zelfscanId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verbeteractie" (
    "id" TEXT NOT NULL,
    "zelfscanId" TEXT NOT NULL,
    "itemIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerName" TEXT NOT NULL DEFAULT '',
    "ownerRole" TEXT NOT NULL DEFAULT '',
    "partners" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deadline" TIMESTAMP(3),
    "status" "ActieStatus" NOT NULL DEFAULT 'GEPLAND',
    "priority" "Prioriteit" NOT NULL DEFAULT 'MIDDEN',
    "borging" TEXT NOT NULL DEFAULT '',
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verbeteractie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "gemeenteId" TEXT,
    "regioId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Regio_slug_key" ON "Regio"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Gemeente_slug_key" ON "Gemeente"("slug");

-- CreateIndex
CREATE INDEX "Gemeente_regioId_idx" ON "Gemeente"("regioId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RoleGrant_gemeenteId_idx" ON "RoleGrant"("gemeenteId");

-- CreateIndex
CREATE INDEX "RoleGrant_regioId_idx" ON "RoleGrant"("regioId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrant_userId_role_gemeenteId_regioId_key" ON "RoleGrant"("userId", "role", "gemeenteId", "regioId");

-- CreateIndex
CREATE INDEX "Meetronde_regioId_startsOn_idx" ON "Meetronde"("regioId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Meetronde_regioId_name_key" ON "Meetronde"("regioId", "name");

-- CreateIndex
CREATE INDEX "Zelfscan_meetrondeId_idx" ON "Zelfscan"("meetrondeId");

-- CreateIndex
CREATE UNIQUE INDEX "Zelfscan_gemeenteId_meetrondeId_key" ON "Zelfscan"("gemeenteId", "meetrondeId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_zelfscanId_itemId_key" ON "Answer"("zelfscanId", "itemId");

-- CreateIndex
CREATE INDEX "Comment_zelfscanId_itemId_idx" ON "Comment"("zelfscanId", "itemId");

-- CreateIndex
CREATE INDEX "Verbeteractie_zelfscanId_position_idx" ON "Verbeteractie"("zelfscanId", "position");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_idx" ON "AuditEntry"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEntry_gemeenteId_at_idx" ON "AuditEntry"("gemeenteId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_regioId_at_idx" ON "AuditEntry"("regioId", "at");

-- AddForeignKey
ALTER TABLE "Gemeente" ADD CONSTRAINT "Gemeente_regioId_fkey" FOREIGN KEY ("regioId") REFERENCES "Regio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_regioId_fkey" FOREIGN KEY ("regioId") REFERENCES "Regio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meetronde" ADD CONSTRAINT "Meetronde_regioId_fkey" FOREIGN KEY ("regioId") REFERENCES "Regio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zelfscan" ADD CONSTRAINT "Zelfscan_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zelfscan" ADD CONSTRAINT "Zelfscan_meetrondeId_fkey" FOREIGN KEY ("meetrondeId") REFERENCES "Meetronde"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zelfscan" ADD CONSTRAINT "Zelfscan_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zelfscan" ADD CONSTRAINT "Zelfscan_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_zelfscanId_fkey" FOREIGN KEY ("zelfscanId") REFERENCES "Zelfscan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_zelfscanId_fkey" FOREIGN KEY ("zelfscanId") REFERENCES "Zelfscan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verbeteractie" ADD CONSTRAINT "Verbeteractie_zelfscanId_fkey" FOREIGN KEY ("zelfscanId") REFERENCES "Zelfscan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

