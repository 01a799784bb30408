-- CreateTable
CREATE TABLE "DeadlineVersion" (
    "procuratorateId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

