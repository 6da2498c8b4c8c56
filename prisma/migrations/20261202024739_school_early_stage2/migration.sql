-- AlterTable
ALTER TABLE "SchoolSeats" ADD COLUMN "stage2OpensAt" DATETIME;
