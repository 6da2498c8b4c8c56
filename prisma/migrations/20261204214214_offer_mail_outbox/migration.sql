-- The offer's mail becomes an outbox. Offers made before it had their one try at mailing when they
-- were made, so they count as mailed: the outbox must not mail them all again.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProactiveOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleCode" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "eventRef" INTEGER NOT NULL,
    "snils" TEXT NOT NULL,
    "userId" TEXT,
    "status" TEXT NOT NULL,
    "prefill" TEXT NOT NULL,
    "applicationId" TEXT,
    "answerBy" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "mailedAt" DATETIME,
    "mailTries" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ProactiveOffer_eventRef_fkey" FOREIGN KEY ("eventRef") REFERENCES "RegistryEvent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProactiveOffer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProactiveOffer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProactiveOffer" ("answerBy", "answeredAt", "applicationId", "createdAt", "eventRef", "id", "mode", "prefill", "ruleCode", "serviceCode", "snils", "status", "userId", "mailedAt") SELECT "answerBy", "answeredAt", "applicationId", "createdAt", "eventRef", "id", "mode", "prefill", "ruleCode", "serviceCode", "snils", "status", "userId", "createdAt" FROM "ProactiveOffer";
DROP TABLE "ProactiveOffer";
ALTER TABLE "new_ProactiveOffer" RENAME TO "ProactiveOffer";
CREATE UNIQUE INDEX "ProactiveOffer_applicationId_key" ON "ProactiveOffer"("applicationId");
CREATE INDEX "ProactiveOffer_mailedAt_idx" ON "ProactiveOffer"("mailedAt");
CREATE INDEX "ProactiveOffer_snils_status_idx" ON "ProactiveOffer"("snils", "status");
CREATE INDEX "ProactiveOffer_userId_status_createdAt_idx" ON "ProactiveOffer"("userId", "status", "createdAt");
CREATE UNIQUE INDEX "ProactiveOffer_eventRef_ruleCode_snils_key" ON "ProactiveOffer"("eventRef", "ruleCode", "snils");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
