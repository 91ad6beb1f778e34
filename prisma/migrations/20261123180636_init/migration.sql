-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('prefecture', 'municipality');

-- CreateEnum
CREATE TYPE "ProgressRule" AS ENUM ('default', 'kama');

-- CreateEnum
CREATE TYPE "SectionKind" AS ENUM ('section', 'goal', 'pillar', 'policy');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('kpi', 'goal');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('number', 'at_least', 'relative', 'milestone', 'period_total');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('higher', 'lower');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('sum', 'latest');

-- CreateEnum
CREATE TYPE "SeriesValueKind" AS ENUM ('actual', 'target', 'estimate');

-- CreateEnum
CREATE TYPE "EvaluationYearStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "SheetState" AS ENUM ('draft', 'submitted', 'returned', 'published');

-- CreateEnum
CREATE TYPE "RatingSource" AS ENUM ('printed', 'manual');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'officer', 'committee', 'admin');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "prefectureCode" TEXT,
    "dataLicense" TEXT NOT NULL DEFAULT '公共データ利用規約 第1.0版 (PDL1.0)',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT,
    "path" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "progressRule" "ProgressRule" NOT NULL DEFAULT 'default',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceDocument" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,

    CONSTRAINT "SourceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSource" (
    "planId" TEXT NOT NULL,
    "sourceDocumentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "PlanSource_pkey" PRIMARY KEY ("planId","sourceDocumentId")
);

-- CreateTable
CREATE TABLE "PlanSection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentId" TEXT,
    "key" TEXT NOT NULL,
    "label" TEXT,
    "title" TEXT NOT NULL,
    "kind" "SectionKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT,
    "kind" "MeasureKind" NOT NULL DEFAULT 'kpi',
    "number" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "footnote" TEXT,
    "notes" TEXT[],
    "sourceDocumentId" TEXT,
    "sourceLineStart" INTEGER,
    "sourceLineEnd" INTEGER,
    "confidence" "Confidence" NOT NULL DEFAULT 'high',
    "confidenceNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureOwner" (
    "measureId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MeasureOwner_pkey" PRIMARY KEY ("measureId","unitId")
);

-- CreateTable
CREATE TABLE "ValueSeries" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT NOT NULL,
    "unit" TEXT,
    "baselineYear" INTEGER,
    "baselineYearLabel" TEXT,
    "baselineValue" DECIMAL(20,6),
    "baselineText" TEXT,
    "baselineLabel" TEXT,
    "baselinePeriod" TEXT,
    "targetKind" "TargetKind",
    "targetDirection" "Direction",
    "targetYear" INTEGER,
    "targetValue" DECIMAL(20,6),
    "targetText" TEXT,
    "targetPeriodStart" INTEGER,
    "targetPeriodEnd" INTEGER,
    "comparisonValue" DECIMAL(20,6),
    "comparisonText" TEXT,
    "aggregation" "Aggregation",
    "chartLabels" TEXT[],

    CONSTRAINT "ValueSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesValue" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "kind" "SeriesValueKind" NOT NULL DEFAULT 'actual',
    "fiscalYear" INTEGER NOT NULL,
    "value" DECIMAL(20,6),
    "text" TEXT,
    "label" TEXT,
    "period" TEXT,
    "asOf" TEXT,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeriesValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationYear" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "status" "EvaluationYearStatus" NOT NULL DEFAULT 'closed',
    "deadline" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SheetEntry" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "evaluationYear" INTEGER NOT NULL,
    "effortStatus" TEXT,
    "issues" TEXT,
    "direction" TEXT,
    "state" "SheetState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "returnReason" TEXT,
    "sourceDocumentId" TEXT,
    "sourceLineStart" INTEGER,
    "sourceLineEnd" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "publishedEffortStatus" TEXT,
    "publishedIssues" TEXT,
    "publishedDirection" TEXT,

    CONSTRAINT "SheetEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SheetEntryValue" (
    "id" TEXT NOT NULL,
    "sheetEntryId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" DECIMAL(20,6),
    "text" TEXT,
    "note" TEXT,

    CONSTRAINT "SheetEntryValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficialRating" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "evaluationYear" INTEGER NOT NULL,
    "rating" TEXT NOT NULL,
    "source" "RatingSource" NOT NULL,
    "sourceLineStart" INTEGER,
    "sourceLineEnd" INTEGER,
    "setById" TEXT,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficialRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipUnit" (
    "membershipId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "MembershipUnit_pkey" PRIMARY KEY ("membershipId","unitId")
);

-- CreateTable
CREATE TABLE "CommitteeComment" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "evaluationYear" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitteeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeReview" (
    "userId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "evaluationYear" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeReview_pkey" PRIMARY KEY ("userId","measureId","evaluationYear")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_prefectureCode_idx" ON "Organization"("prefectureCode");

-- CreateIndex
CREATE INDEX "OrgUnit_parentId_idx" ON "OrgUnit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_organizationId_path_key" ON "OrgUnit"("organizationId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_organizationId_slug_key" ON "Plan"("organizationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "SourceDocument_fileName_key" ON "SourceDocument"("fileName");

-- CreateIndex
CREATE INDEX "PlanSection_parentId_idx" ON "PlanSection"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSection_planId_key_key" ON "PlanSection"("planId", "key");

-- CreateIndex
CREATE INDEX "Measure_planId_sortOrder_idx" ON "Measure"("planId", "sortOrder");

-- CreateIndex
CREATE INDEX "Measure_sectionId_idx" ON "Measure"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_planId_number_key" ON "Measure"("planId", "number");

-- CreateIndex
CREATE INDEX "MeasureOwner_unitId_idx" ON "MeasureOwner"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ValueSeries_measureId_label_key" ON "ValueSeries"("measureId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesValue_seriesId_kind_fiscalYear_key" ON "SeriesValue"("seriesId", "kind", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationYear_planId_fiscalYear_key" ON "EvaluationYear"("planId", "fiscalYear");

-- CreateIndex
CREATE INDEX "SheetEntry_evaluationYear_state_idx" ON "SheetEntry"("evaluationYear", "state");

-- CreateIndex
CREATE UNIQUE INDEX "SheetEntry_measureId_evaluationYear_key" ON "SheetEntry"("measureId", "evaluationYear");

-- CreateIndex
CREATE UNIQUE INDEX "SheetEntryValue_sheetEntryId_seriesId_fiscalYear_key" ON "SheetEntryValue"("sheetEntryId", "seriesId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "OfficialRating_measureId_evaluationYear_key" ON "OfficialRating"("measureId", "evaluationYear");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organizationId_role_key" ON "Membership"("userId", "organizationId", "role");

-- CreateIndex
CREATE INDEX "CommitteeComment_measureId_evaluationYear_idx" ON "CommitteeComment"("measureId", "evaluationYear");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_createdAt_idx" ON "AuditLog"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSource" ADD CONSTRAINT "PlanSource_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSource" ADD CONSTRAINT "PlanSource_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureOwner" ADD CONSTRAINT "MeasureOwner_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureOwner" ADD CONSTRAINT "MeasureOwner_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueSeries" ADD CONSTRAINT "ValueSeries_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesValue" ADD CONSTRAINT "SeriesValue_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ValueSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationYear" ADD CONSTRAINT "EvaluationYear_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetEntry" ADD CONSTRAINT "SheetEntry_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetEntry" ADD CONSTRAINT "SheetEntry_sourceDocumentId_fkey" FOREIGN KEY ("sourceDocumentId") REFERENCES "SourceDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetEntry" ADD CONSTRAINT "SheetEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetEntry" ADD CONSTRAINT "SheetEntry_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetEntryValue" ADD CONSTRAINT "SheetEntryValue_sheetEntryId_fkey" FOREIGN KEY ("sheetEntryId") REFERENCES "SheetEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SheetEntryValue" ADD CONSTRAINT "SheetEntryValue_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ValueSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialRating" ADD CONSTRAINT "OfficialRating_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficialRating" ADD CONSTRAINT "OfficialRating_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipUnit" ADD CONSTRAINT "MembershipUnit_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipUnit" ADD CONSTRAINT "MembershipUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeComment" ADD CONSTRAINT "CommitteeComment_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeComment" ADD CONSTRAINT "CommitteeComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeComment" ADD CONSTRAINT "CommitteeComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "CommitteeComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeReview" ADD CONSTRAINT "CommitteeReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeReview" ADD CONSTRAINT "CommitteeReview_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
