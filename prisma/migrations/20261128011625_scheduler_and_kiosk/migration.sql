-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "alertEscalationMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "reminderPercents" INTEGER[] DEFAULT ARRAY[50, 75]::INTEGER[];

-- AlterTable
ALTER TABLE "Violation" ADD COLUMN     "explainedById" TEXT;

-- CreateTable
CREATE TABLE "SchedulerRun" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "trigger" TEXT NOT NULL,
    "counts" JSONB,
    "error" TEXT,

    CONSTRAINT "SchedulerRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthClosure" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KioskToken" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "KioskToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchedulerRun_startedAt_idx" ON "SchedulerRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonthClosure_municipalityId_month_key" ON "MonthClosure"("municipalityId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "KioskToken_hash_key" ON "KioskToken"("hash");

-- CreateIndex
CREATE INDEX "KioskToken_municipalityId_idx" ON "KioskToken"("municipalityId");

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_explainedById_fkey" FOREIGN KEY ("explainedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthClosure" ADD CONSTRAINT "MonthClosure_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KioskToken" ADD CONSTRAINT "KioskToken_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KioskToken" ADD CONSTRAINT "KioskToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
