-- CreateTable
CREATE TABLE "ScheduledSubmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "draftId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "ip" TEXT NOT NULL,
    "reason" TEXT,
    "number" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScheduledSubmission_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledSubmission_draftId_key" ON "ScheduledSubmission"("draftId");

-- CreateIndex
CREATE INDEX "ScheduledSubmission_state_sendAt_id_idx" ON "ScheduledSubmission"("state", "sendAt", "id");
