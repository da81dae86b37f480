-- CreateEnum
CREATE TYPE "IdentityProviderKind" AS ENUM ('OIDC', 'ENTRA_ID');

-- CreateTable
CREATE TABLE "IdentityProvider" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" "IdentityProviderKind" NOT NULL DEFAULT 'OIDC',
    "issuer" TEXT NOT NULL,
    "tenantId" TEXT,
    "clientId" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mayBeheerders" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdentityProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityProviderGemeente" (
    "providerId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,

    CONSTRAINT "IdentityProviderGemeente_pkey" PRIMARY KEY ("providerId","gemeenteId")
);

-- CreateTable
CREATE TABLE "IdentityProviderRegio" (
    "providerId" TEXT NOT NULL,
    "regioId" TEXT NOT NULL,

    CONSTRAINT "IdentityProviderRegio_pkey" PRIMARY KEY ("providerId","regioId")
);

-- CreateTable
CREATE TABLE "IdentityLink" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "IdentityLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityLinkRequest" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "sessionId" TEXT,
    "accountLinkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "IdentityLinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityProviderGemeente_gemeenteId_idx" ON "IdentityProviderGemeente"("gemeenteId");

-- CreateIndex
CREATE INDEX "IdentityProviderRegio_regioId_idx" ON "IdentityProviderRegio"("regioId");

-- CreateIndex
CREATE INDEX "IdentityLink_userId_idx" ON "IdentityLink"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityLink_providerId_subject_key" ON "IdentityLink"("providerId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityLinkRequest_tokenHash_key" ON "IdentityLinkRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "IdentityLinkRequest_userId_idx" ON "IdentityLinkRequest"("userId");

-- AddForeignKey
ALTER TABLE "IdentityProviderGemeente" ADD CONSTRAINT "IdentityProviderGemeente_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityProviderGemeente" ADD CONSTRAINT "IdentityProviderGemeente_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityProviderRegio" ADD CONSTRAINT "IdentityProviderRegio_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityProviderRegio" ADD CONSTRAINT "IdentityProviderRegio_regioId_fkey" FOREIGN KEY ("regioId") REFERENCES "Regio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityLink" ADD CONSTRAINT "IdentityLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityLink" ADD CONSTRAINT "IdentityLink_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityLinkRequest" ADD CONSTRAINT "IdentityLinkRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

