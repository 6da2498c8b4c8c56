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
    "applicantId" TEXT,
    "applicantName" TEXT,
    "applicantKey" TEXT,
    "schoolCode" TEXT,
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
    CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("answers", "applicantId", "applicantKey", "applicantName", "assigneeId", "createdAt", "currentStep", "deadline", "decidedAt", "departmentId", "id", "municipality", "number", "receivedAt", "schoolCode", "sequence", "serviceId", "serviceVersion", "status", "updatedAt", "version") SELECT "answers", "applicantId", "applicantKey", "applicantName", "assigneeId", "createdAt", "currentStep", "deadline", "decidedAt", "departmentId", "id", "municipality", "number", "receivedAt", "schoolCode", "sequence", "serviceId", "serviceVersion", "status", "updatedAt", "version" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");
CREATE UNIQUE INDEX "Application_sequence_key" ON "Application"("sequence");
CREATE INDEX "Application_applicantId_status_updatedAt_idx" ON "Application"("applicantId", "status", "updatedAt");
CREATE INDEX "Application_applicantId_updatedAt_idx" ON "Application"("applicantId", "updatedAt");
CREATE INDEX "Application_departmentId_status_deadline_id_idx" ON "Application"("departmentId", "status", "deadline", "id");
CREATE INDEX "Application_departmentId_status_sequence_idx" ON "Application"("departmentId", "status", "sequence");
CREATE INDEX "Application_departmentId_assigneeId_status_deadline_id_idx" ON "Application"("departmentId", "assigneeId", "status", "deadline", "id");
CREATE INDEX "Application_departmentId_assigneeId_status_sequence_idx" ON "Application"("departmentId", "assigneeId", "status", "sequence");
CREATE INDEX "Application_departmentId_schoolCode_status_deadline_id_idx" ON "Application"("departmentId", "schoolCode", "status", "deadline", "id");
CREATE INDEX "Application_departmentId_applicantKey_idx" ON "Application"("departmentId", "applicantKey");
CREATE TABLE "new_Consent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT,
    "purpose" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "givenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "Consent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Consent" ("givenAt", "id", "ip", "purpose", "textVersion", "userId", "withdrawnAt") SELECT "givenAt", "id", "ip", "purpose", "textVersion", "userId", "withdrawnAt" FROM "Consent";
DROP TABLE "Consent";
ALTER TABLE "new_Consent" RENAME TO "Consent";
CREATE INDEX "Consent_userId_purpose_idx" ON "Consent"("userId", "purpose");
CREATE TABLE "new_Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "applicationId" TEXT,
    "messageId" INTEGER,
    "field" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storedName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Upload_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Upload_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ApplicationMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Upload" ("applicationId", "contentType", "createdAt", "field", "fileName", "id", "messageId", "ownerId", "sha256", "size", "storedName") SELECT "applicationId", "contentType", "createdAt", "field", "fileName", "id", "messageId", "ownerId", "sha256", "size", "storedName" FROM "Upload";
DROP TABLE "Upload";
ALTER TABLE "new_Upload" RENAME TO "Upload";
CREATE UNIQUE INDEX "Upload_storedName_key" ON "Upload"("storedName");
CREATE INDEX "Upload_applicationId_idx" ON "Upload"("applicationId");
CREATE INDEX "Upload_ownerId_createdAt_idx" ON "Upload"("ownerId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
