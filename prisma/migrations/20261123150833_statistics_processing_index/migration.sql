-- CreateIndex
CREATE INDEX "StatDayProcessing_serviceCode_day_idx" ON "StatDayProcessing"("serviceCode", "day");
