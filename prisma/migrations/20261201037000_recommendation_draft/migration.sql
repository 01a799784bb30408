-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN "objectionDays" INTEGER;
ALTER TABLE "Recommendation" ADD COLUMN "submittedAt" DATETIME;

