-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ProgressRule" ADD VALUE 'grades';
ALTER TYPE "ProgressRule" ADD VALUE 'marks';
ALTER TYPE "ProgressRule" ADD VALUE 'expected';

-- AlterTable
ALTER TABLE "OfficialRating" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "printFormName" TEXT;

-- AlterTable
ALTER TABLE "ValueSeries" ADD COLUMN     "countsWithinPeriod" BOOLEAN NOT NULL DEFAULT false;
