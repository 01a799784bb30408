-- AlterTable
ALTER TABLE "CustodyEvent" ADD COLUMN "counterparty" TEXT;

