-- AlterTable
ALTER TABLE "Application" ADD COLUMN "schoolCode" TEXT;

-- CreateIndex
CREATE INDEX "Application_departmentId_assigneeId_status_sequence_idx" ON "Application"("departmentId", "assigneeId", "status", "sequence");

-- CreateIndex
CREATE INDEX "Application_departmentId_schoolCode_status_deadline_id_idx" ON "Application"("departmentId", "schoolCode", "status", "deadline", "id");
