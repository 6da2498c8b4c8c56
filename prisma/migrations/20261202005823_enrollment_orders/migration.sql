-- CreateTable
CREATE TABLE "EnrollmentOrder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "schoolCode" TEXT NOT NULL,
    "campaignYear" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "issuedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EnrollmentRequest" (
    "applicationId" TEXT NOT NULL PRIMARY KEY,
    "campaignYear" INTEGER NOT NULL,
    "schoolCode" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "rankClass" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "childCertificate" TEXT NOT NULL,
    "inTerritory" BOOLEAN NOT NULL,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "live" BOOLEAN NOT NULL DEFAULT true,
    "documentsCheckedAt" DATETIME,
    "documentsCheckedBy" TEXT,
    "orderId" INTEGER,
    "offer" TEXT,
    CONSTRAINT "EnrollmentRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "EnrollmentOrder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EnrollmentRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EnrollmentRequest" ("applicationId", "campaignYear", "childCertificate", "flags", "inTerritory", "live", "rankClass", "schoolCode", "sequence", "stage") SELECT "applicationId", "campaignYear", "childCertificate", "flags", "inTerritory", "live", "rankClass", "schoolCode", "sequence", "stage" FROM "EnrollmentRequest";
DROP TABLE "EnrollmentRequest";
ALTER TABLE "new_EnrollmentRequest" RENAME TO "EnrollmentRequest";
CREATE INDEX "EnrollmentRequest_campaignYear_schoolCode_live_stage_rankClass_sequence_idx" ON "EnrollmentRequest"("campaignYear", "schoolCode", "live", "stage", "rankClass", "sequence");
CREATE INDEX "EnrollmentRequest_childCertificate_campaignYear_idx" ON "EnrollmentRequest"("childCertificate", "campaignYear");
CREATE INDEX "EnrollmentRequest_orderId_idx" ON "EnrollmentRequest"("orderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EnrollmentOrder_campaignYear_schoolCode_date_idx" ON "EnrollmentOrder"("campaignYear", "schoolCode", "date");

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentOrder_schoolCode_campaignYear_number_key" ON "EnrollmentOrder"("schoolCode", "campaignYear", "number");
