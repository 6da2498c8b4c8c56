-- CreateTable
CREATE TABLE "School" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "oktmo" TEXT NOT NULL,
    "district" TEXT,
    "address" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT '["ru"]',
    "adaptedProgrammes" TEXT NOT NULL DEFAULT '[]',
    "boarding" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "SchoolSeats" (
    "schoolCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "classes" INTEGER NOT NULL,
    "classSize" INTEGER NOT NULL,

    PRIMARY KEY ("schoolCode", "year"),
    CONSTRAINT "SchoolSeats_schoolCode_fkey" FOREIGN KEY ("schoolCode") REFERENCES "School" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Street" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "oktmo" TEXT NOT NULL,
    "settlement" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "House" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "streetId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    CONSTRAINT "House_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TerritoryRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "schoolCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "streetId" INTEGER NOT NULL,
    "houses" TEXT NOT NULL,
    CONSTRAINT "TerritoryRule_schoolCode_fkey" FOREIGN KEY ("schoolCode") REFERENCES "School" ("code") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerritoryRule_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TerritoryHouse" (
    "houseId" INTEGER NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "schoolCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,

    PRIMARY KEY ("houseId", "year", "ruleId"),
    CONSTRAINT "TerritoryHouse_houseId_fkey" FOREIGN KEY ("houseId") REFERENCES "House" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TerritoryHouse_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "TerritoryRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EnrollmentCampaign" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stage1OpensAt" DATETIME NOT NULL,
    "stage1EndsAt" DATETIME NOT NULL,
    "stage2OpensAt" DATETIME NOT NULL,
    "stage2EndsAt" DATETIME NOT NULL,
    "schoolsPerChildStage1" INTEGER NOT NULL DEFAULT 1,
    "schoolsPerChildStage2" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "School_oktmo_code_idx" ON "School"("oktmo", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Street_oktmo_settlement_name_key" ON "Street"("oktmo", "settlement", "name");

-- CreateIndex
CREATE UNIQUE INDEX "House_streetId_number_key" ON "House"("streetId", "number");

-- CreateIndex
CREATE INDEX "TerritoryRule_schoolCode_year_idx" ON "TerritoryRule"("schoolCode", "year");

-- CreateIndex
CREATE INDEX "TerritoryRule_streetId_year_idx" ON "TerritoryRule"("streetId", "year");

-- CreateIndex
CREATE INDEX "TerritoryHouse_schoolCode_year_idx" ON "TerritoryHouse"("schoolCode", "year");
