-- CreateTable
CREATE TABLE "SupportMeasure" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "packageServiceCode" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "terms" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ResultDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "validUntil" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResultDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentScheduleEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountKopecks" INTEGER,
    "percent" INTEGER,
    "children" INTEGER,
    CONSTRAINT "PaymentScheduleEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistrySource" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "RegistryKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceCode" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiresAt" DATETIME,
    CONSTRAINT "RegistryKey_sourceCode_fkey" FOREIGN KEY ("sourceCode") REFERENCES "RegistrySource" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistryEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceCode" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    CONSTRAINT "RegistryEvent_sourceCode_fkey" FOREIGN KEY ("sourceCode") REFERENCES "RegistrySource" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProactiveRule" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "eventType" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "condition" TEXT NOT NULL DEFAULT '{}',
    "answerDays" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ProactiveOffer" (
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
    CONSTRAINT "ProactiveOffer_eventRef_fkey" FOREIGN KEY ("eventRef") REFERENCES "RegistryEvent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProactiveOffer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProactiveOffer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "parentId" TEXT,
    "measureCode" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'portal',
    CONSTRAINT "Application_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Application_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
CREATE INDEX "Application_parentId_idx" ON "Application"("parentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SupportMeasure_packageServiceCode_position_idx" ON "SupportMeasure"("packageServiceCode", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_applicationId_key" ON "ResultDocument"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ResultDocument_number_key" ON "ResultDocument"("number");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentScheduleEntry_applicationId_month_key" ON "PaymentScheduleEntry"("applicationId", "month");

-- CreateIndex
CREATE INDEX "RegistryKey_sourceCode_idx" ON "RegistryKey"("sourceCode");

-- CreateIndex
CREATE INDEX "RegistryEvent_receivedAt_idx" ON "RegistryEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryEvent_sourceCode_eventId_key" ON "RegistryEvent"("sourceCode", "eventId");

-- CreateIndex
CREATE INDEX "ProactiveRule_eventType_position_idx" ON "ProactiveRule"("eventType", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProactiveOffer_applicationId_key" ON "ProactiveOffer"("applicationId");

-- CreateIndex
CREATE INDEX "ProactiveOffer_snils_status_idx" ON "ProactiveOffer"("snils", "status");

-- CreateIndex
CREATE INDEX "ProactiveOffer_userId_status_createdAt_idx" ON "ProactiveOffer"("userId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProactiveOffer_eventRef_ruleCode_snils_key" ON "ProactiveOffer"("eventRef", "ruleCode", "snils");
