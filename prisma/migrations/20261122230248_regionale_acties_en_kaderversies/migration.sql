-- CreateTable
CREATE TABLE "RegionaleActie" (
    "id" TEXT NOT NULL,
    "regioId" TEXT NOT NULL,
    "itemIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerName" TEXT NOT NULL DEFAULT '',
    "ownerRole" TEXT NOT NULL DEFAULT '',
    "deadline" TIMESTAMP(3),
    "status" "ActieStatus" NOT NULL DEFAULT 'GEPLAND',
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegionaleActie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionaleActieGemeente" (
    "regionaleActieId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "accent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "RegionaleActieGemeente_pkey" PRIMARY KEY ("regionaleActieId","gemeenteId")
);

-- CreateTable
CREATE TABLE "FrameworkVersion" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loadedById" TEXT,

    CONSTRAINT "FrameworkVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegionaleActie_regioId_position_idx" ON "RegionaleActie"("regioId", "position");

-- CreateIndex
CREATE INDEX "RegionaleActieGemeente_gemeenteId_idx" ON "RegionaleActieGemeente"("gemeenteId");

-- AddForeignKey
ALTER TABLE "RegionaleActie" ADD CONSTRAINT "RegionaleActie_regioId_fkey" FOREIGN KEY ("regioId") REFERENCES "Regio"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionaleActieGemeente" ADD CONSTRAINT "RegionaleActieGemeente_regionaleActieId_fkey" FOREIGN KEY ("regionaleActieId") REFERENCES "RegionaleActie"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionaleActieGemeente" ADD CONSTRAINT "RegionaleActieGemeente_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The framework version every existing scan uses is loaded from the start.
INSERT INTO "FrameworkVersion" ("id", "frameworkId", "version") VALUES ('vng-werken-aan-veiligheid@2019', 'vng-werken-aan-veiligheid', '2019') ON CONFLICT DO NOTHING;
