-- CreateTable
CREATE TABLE "EnrollmentRequest" (
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
    CONSTRAINT "EnrollmentRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EnrollmentRequest_campaignYear_schoolCode_live_stage_rankClass_sequence_idx" ON "EnrollmentRequest"("campaignYear", "schoolCode", "live", "stage", "rankClass", "sequence");

-- CreateIndex
CREATE INDEX "EnrollmentRequest_childCertificate_campaignYear_idx" ON "EnrollmentRequest"("childCertificate", "campaignYear");
