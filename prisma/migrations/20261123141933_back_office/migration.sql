-- AlterTable
ALTER TABLE "ApplicationEvent" ADD COLUMN "assigneeId" TEXT;

-- CreateTable
CREATE TABLE "StaffNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffNote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT,
    "sequence" INTEGER,
    "serviceId" INTEGER NOT NULL,
    "serviceVersion" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "applicantId" TEXT NOT NULL,
    "applicantName" TEXT,
    "applicantKey" TEXT,
    "assigneeId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "answers" TEXT NOT NULL DEFAULT '{}',
    "currentStep" TEXT,
    "municipality" TEXT,
    "receivedAt" DATETIME,
    "deadline" TEXT,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("answers", "applicantId", "createdAt", "currentStep", "deadline", "decidedAt", "departmentId", "id", "municipality", "number", "receivedAt", "sequence", "serviceId", "serviceVersion", "status", "updatedAt", "version") SELECT "answers", "applicantId", "createdAt", "currentStep", "deadline", "decidedAt", "departmentId", "id", "municipality", "number", "receivedAt", "sequence", "serviceId", "serviceVersion", "status", "updatedAt", "version" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");
CREATE UNIQUE INDEX "Application_sequence_key" ON "Application"("sequence");
CREATE INDEX "Application_applicantId_status_updatedAt_idx" ON "Application"("applicantId", "status", "updatedAt");
CREATE INDEX "Application_applicantId_updatedAt_idx" ON "Application"("applicantId", "updatedAt");
CREATE INDEX "Application_departmentId_status_deadline_id_idx" ON "Application"("departmentId", "status", "deadline", "id");
CREATE INDEX "Application_departmentId_status_sequence_idx" ON "Application"("departmentId", "status", "sequence");
CREATE INDEX "Application_departmentId_assigneeId_status_deadline_id_idx" ON "Application"("departmentId", "assigneeId", "status", "deadline", "id");
CREATE INDEX "Application_departmentId_applicantKey_idx" ON "Application"("departmentId", "applicantKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StaffNote_applicationId_id_idx" ON "StaffNote"("applicationId", "id");
