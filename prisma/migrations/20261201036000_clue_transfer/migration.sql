-- AlterTable
ALTER TABLE "Clue" ADD COLUMN "transferredOn" TEXT;
ALTER TABLE "Clue" ADD COLUMN "transferredTo" TEXT;

