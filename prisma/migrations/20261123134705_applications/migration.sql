-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT,
    "sequence" INTEGER,
    "serviceId" INTEGER NOT NULL,
    "serviceVersion" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "applicantId" TEXT NOT NULL,
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
    CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT,
    "ground" TEXT,
    "idempotencyKey" TEXT,
    CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "applicationId" TEXT,
    "messageId" INTEGER,
    "field" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storedName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Upload_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ApplicationMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "mailedAt" DATETIME,
    "mailAttempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rating" (
    "applicationId" TEXT NOT NULL PRIMARY KEY,
    "departmentId" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rating_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "StatEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "applicationRef" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "categorySlug" TEXT NOT NULL,
    "mszu" BOOLEAN NOT NULL,
    "proactive" BOOLEAN NOT NULL DEFAULT false,
    "channel" TEXT NOT NULL DEFAULT 'portal',
    "municipality" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "receivedAt" DATETIME,
    "deadline" TEXT,
    "onTime" BOOLEAN,
    "workingDays" INTEGER,
    "visit" BOOLEAN,
    "rating" INTEGER
);

-- CreateTable
CREATE TABLE "PendingAnswers" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Application_sequence_key" ON "Application"("sequence");

-- CreateIndex
CREATE INDEX "Application_applicantId_status_updatedAt_idx" ON "Application"("applicantId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Application_applicantId_updatedAt_idx" ON "Application"("applicantId", "updatedAt");

-- CreateIndex
CREATE INDEX "Application_departmentId_status_deadline_idx" ON "Application"("departmentId", "status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationEvent_idempotencyKey_key" ON "ApplicationEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_id_idx" ON "ApplicationEvent"("applicationId", "id");

-- CreateIndex
CREATE INDEX "ApplicationMessage_applicationId_id_idx" ON "ApplicationMessage"("applicationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_storedName_key" ON "Upload"("storedName");

-- CreateIndex
CREATE INDEX "Upload_applicationId_idx" ON "Upload"("applicationId");

-- CreateIndex
CREATE INDEX "Upload_ownerId_createdAt_idx" ON "Upload"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_id_idx" ON "Notification"("userId", "id");

-- CreateIndex
CREATE INDEX "Notification_mailedAt_mailAttempts_idx" ON "Notification"("mailedAt", "mailAttempts");

-- CreateIndex
CREATE INDEX "Rating_departmentId_score_createdAt_idx" ON "Rating"("departmentId", "score", "createdAt");

-- CreateIndex
CREATE INDEX "StatEvent_kind_at_idx" ON "StatEvent"("kind", "at");

-- CreateIndex
CREATE INDEX "StatEvent_serviceCode_at_idx" ON "StatEvent"("serviceCode", "at");
