-- CreateEnum
CREATE TYPE "SurgeKind" AS ENUM ('TOPIC', 'SETTLEMENT');

-- CreateEnum
CREATE TYPE "RoutinePostSource" AS ENUM ('MANUAL', 'CONNECTOR');

-- CreateEnum
CREATE TYPE "ConnectorStatus" AS ENUM ('NOT_CHECKED', 'OK', 'TOKEN_EXPIRED', 'ERROR');

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "importMapping" JSONB,
ADD COLUMN     "ratingFormula" JSONB,
ADD COLUMN     "routineWeeklyMinimum" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "surgeThreshold" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "surgeWindowHours" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "RoutinePost" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "source" "RoutinePostSource" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "SocialAccount" ADD COLUMN     "departmentId" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "responsibleId" TEXT,
ADD COLUMN     "syncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Surge" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "kind" "SurgeKind" NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "firstCaseAt" TIMESTAMP(3) NOT NULL,
    "lastCaseAt" TIMESTAMP(3) NOT NULL,
    "caseCount" INTEGER NOT NULL,
    "alertedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Surge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "totalRows" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "report" JSONB NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VkConnector" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "tokenEncrypted" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "status" "ConnectorStatus" NOT NULL DEFAULT 'NOT_CHECKED',
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "lastSyncAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VkConnector_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Surge_municipalityId_kind_key_lastCaseAt_idx" ON "Surge"("municipalityId", "kind", "key", "lastCaseAt");

-- CreateIndex
CREATE INDEX "Surge_municipalityId_firstCaseAt_idx" ON "Surge"("municipalityId", "firstCaseAt");

-- CreateIndex
CREATE INDEX "ImportBatch_municipalityId_createdAt_idx" ON "ImportBatch"("municipalityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VkConnector_municipalityId_key" ON "VkConnector"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "RoutinePost_accountId_externalId_key" ON "RoutinePost"("accountId", "externalId");

-- AddForeignKey
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialAccount" ADD CONSTRAINT "SocialAccount_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surge" ADD CONSTRAINT "Surge_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VkConnector" ADD CONSTRAINT "VkConnector_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
