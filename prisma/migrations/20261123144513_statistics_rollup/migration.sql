-- CreateTable
CREATE TABLE "StatDay" (
    "day" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "municipality" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "decidedOnTime" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "completedNoVisit" INTEGER NOT NULL DEFAULT 0,
    "regulatoryDays" INTEGER NOT NULL DEFAULT 0,
    "ratings" INTEGER NOT NULL DEFAULT 0,
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingsHigh" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "serviceCode", "municipality", "channel")
);

-- CreateTable
CREATE TABLE "StatDayProcessing" (
    "day" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "serviceCode", "workingDays")
);

-- CreateIndex
CREATE INDEX "StatDay_serviceCode_day_idx" ON "StatDay"("serviceCode", "day");
