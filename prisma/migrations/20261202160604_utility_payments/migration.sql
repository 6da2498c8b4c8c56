-- CreateTable
CREATE TABLE "UtilityProvider" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "inn" TEXT NOT NULL,
    "dueDay" INTEGER,
    "readingsFrom" INTEGER NOT NULL DEFAULT 15,
    "readingsTo" INTEGER NOT NULL DEFAULT 25,
    "sourceCode" TEXT NOT NULL,
    CONSTRAINT "UtilityProvider_sourceCode_fkey" FOREIGN KEY ("sourceCode") REFERENCES "RegistrySource" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UtilityAccount" (
    "els" TEXT NOT NULL PRIMARY KEY,
    "address" TEXT NOT NULL,
    "accessCodeHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AccountLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "els" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountLink_els_fkey" FOREIGN KEY ("els") REFERENCES "UtilityAccount" ("els") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BillImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerCode" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "taken" INTEGER NOT NULL,
    "repeated" INTEGER NOT NULL,
    "refused" INTEGER NOT NULL,
    "report" TEXT NOT NULL,
    CONSTRAINT "BillImport_providerCode_fkey" FOREIGN KEY ("providerCode") REFERENCES "UtilityProvider" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Bill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "providerCode" TEXT NOT NULL,
    "providerRef" TEXT NOT NULL,
    "els" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importId" TEXT,
    "paidAt" DATETIME,
    "paidVia" TEXT,
    "openPaymentId" TEXT,
    CONSTRAINT "Bill_providerCode_fkey" FOREIGN KEY ("providerCode") REFERENCES "UtilityProvider" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bill_els_fkey" FOREIGN KEY ("els") REFERENCES "UtilityAccount" ("els") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bill_importId_fkey" FOREIGN KEY ("importId") REFERENCES "BillImport" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BillLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "billId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "tariff" INTEGER NOT NULL,
    "volume" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "benefit" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "BillLine_billId_fkey" FOREIGN KEY ("billId") REFERENCES "Bill" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "els" TEXT NOT NULL,
    "providerCode" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    CONSTRAINT "Meter_els_fkey" FOREIGN KEY ("els") REFERENCES "UtilityAccount" ("els") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meter_providerCode_fkey" FOREIGN KEY ("providerCode") REFERENCES "UtilityProvider" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeterReading" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meterId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "userId" TEXT,
    "period" TEXT NOT NULL,
    CONSTRAINT "MeterReading_meterId_fkey" FOREIGN KEY ("meterId") REFERENCES "Meter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "userId" TEXT,
    "els" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "acquirerId" TEXT,
    "confirmationUrl" TEXT,
    "declineReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "checkAfter" DATETIME,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "fiscalDrive" TEXT,
    "fiscalDocument" TEXT,
    "fiscalSign" TEXT,
    "fiscalAt" DATETIME,
    "vat" TEXT,
    "receiptMailedAt" DATETIME,
    "receiptMailTries" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Payment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Payment_els_fkey" FOREIGN KEY ("els") REFERENCES "UtilityAccount" ("els") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentBill" (
    "paymentId" TEXT NOT NULL,
    "billId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,

    PRIMARY KEY ("paymentId", "billId"),
    CONSTRAINT "PaymentBill_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaymentBill_billId_fkey" FOREIGN KEY ("billId") REFERENCES "Bill" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paymentId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "PaymentEvent_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "UtilityProvider_sourceCode_key" ON "UtilityProvider"("sourceCode");

-- CreateIndex
CREATE INDEX "AccountLink_els_idx" ON "AccountLink"("els");

-- CreateIndex
CREATE UNIQUE INDEX "AccountLink_userId_els_key" ON "AccountLink"("userId", "els");

-- CreateIndex
CREATE INDEX "BillImport_providerCode_receivedAt_idx" ON "BillImport"("providerCode", "receivedAt");

-- CreateIndex
CREATE INDEX "Bill_els_period_idx" ON "Bill"("els", "period");

-- CreateIndex
CREATE INDEX "Bill_period_idx" ON "Bill"("period");

-- CreateIndex
CREATE UNIQUE INDEX "Bill_providerCode_providerRef_key" ON "Bill"("providerCode", "providerRef");

-- CreateIndex
CREATE INDEX "BillLine_billId_idx" ON "BillLine"("billId");

-- CreateIndex
CREATE INDEX "Meter_els_idx" ON "Meter"("els");

-- CreateIndex
CREATE UNIQUE INDEX "Meter_providerCode_serial_key" ON "Meter"("providerCode", "serial");

-- CreateIndex
CREATE INDEX "MeterReading_meterId_takenAt_idx" ON "MeterReading"("meterId", "takenAt");

-- CreateIndex
CREATE INDEX "MeterReading_period_idx" ON "MeterReading"("period");

-- CreateIndex
CREATE UNIQUE INDEX "MeterReading_meterId_period_source_key" ON "MeterReading"("meterId", "period", "source");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_acquirerId_key" ON "Payment"("acquirerId");

-- CreateIndex
CREATE INDEX "Payment_userId_createdAt_idx" ON "Payment"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_els_createdAt_idx" ON "Payment"("els", "createdAt");

-- CreateIndex
CREATE INDEX "Payment_status_checkAfter_idx" ON "Payment"("status", "checkAfter");

-- CreateIndex
CREATE INDEX "Payment_finishedAt_idx" ON "Payment"("finishedAt");

-- CreateIndex
CREATE INDEX "PaymentBill_billId_idx" ON "PaymentBill"("billId");

-- CreateIndex
CREATE INDEX "PaymentEvent_paymentId_at_idx" ON "PaymentEvent"("paymentId", "at");
