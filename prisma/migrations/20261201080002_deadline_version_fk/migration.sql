-- RedefineTables
-- Hand-edited: the triggers of migration 20261201080001 write to "DeadlineVersion"; while it is
-- rebuilt, the rename must not re-check them against the dropped table (legacy_alter_table).
PRAGMA legacy_alter_table=ON;
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DeadlineVersion" (
    "procuratorateId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DeadlineVersion_procuratorateId_fkey" FOREIGN KEY ("procuratorateId") REFERENCES "Procuratorate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DeadlineVersion" ("procuratorateId", "version") SELECT "procuratorateId", "version" FROM "DeadlineVersion";
DROP TABLE "DeadlineVersion";
ALTER TABLE "new_DeadlineVersion" RENAME TO "DeadlineVersion";
PRAGMA legacy_alter_table=OFF;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

