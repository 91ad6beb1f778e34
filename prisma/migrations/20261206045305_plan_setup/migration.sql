-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('preparing', 'active', 'ended');

-- CreateEnum
CREATE TYPE "DataChannel" AS ENUM ('seed', 'form', 'workbook', 'api', 'cli');

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "apiTokenId" TEXT,
ADD COLUMN     "apiTokenName" TEXT,
ADD COLUMN     "channel" "DataChannel",
ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "predecessorId" TEXT,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "updatedById" TEXT,
ADD COLUMN     "updatedVia" "DataChannel";

-- AlterTable
ALTER TABLE "OrgUnit" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "description" TEXT,
ADD COLUMN     "predecessorId" TEXT,
ADD COLUMN     "progressSettings" JSONB,
ADD COLUMN     "status" "PlanStatus" NOT NULL DEFAULT 'active';

-- AlterTable
ALTER TABLE "SeriesValue" ADD COLUMN     "enteredById" TEXT,
ADD COLUMN     "enteredVia" "DataChannel";

-- AlterTable
ALTER TABLE "SheetEntry" ADD COLUMN     "updatedVia" "DataChannel";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isOperator" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
