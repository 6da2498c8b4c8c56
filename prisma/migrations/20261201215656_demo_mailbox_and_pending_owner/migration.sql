-- AlterTable
ALTER TABLE "MailboxMessage" ADD COLUMN "mailboxId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "demoMailboxId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PendingAnswers" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);
-- Answers kept before this migration have no owner and are not carried over: they last an hour, and
-- an unowned one is exactly what must not be restorable.
DROP TABLE "PendingAnswers";
ALTER TABLE "new_PendingAnswers" RENAME TO "PendingAnswers";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MailboxMessage_mailboxId_id_idx" ON "MailboxMessage"("mailboxId", "id");
