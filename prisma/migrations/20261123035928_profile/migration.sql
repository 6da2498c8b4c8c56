-- CreateTable
CREATE TABLE "Profile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" TEXT NOT NULL,
    "snils" TEXT NOT NULL,
    "inn" TEXT,
    "phone" TEXT NOT NULL,
    "passportNumber" TEXT NOT NULL,
    "passportIssuedOn" TEXT NOT NULL,
    "passportIssuerCode" TEXT NOT NULL,
    "addressOktmo" TEXT NOT NULL,
    "addressLocality" TEXT NOT NULL,
    "addressStreet" TEXT NOT NULL,
    "addressHouse" TEXT NOT NULL,
    "addressApartment" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" TEXT NOT NULL,
    "birthCertificate" TEXT NOT NULL,
    "snils" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Child_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Profile_snils_idx" ON "Profile"("snils");

-- CreateIndex
CREATE INDEX "Child_userId_idx" ON "Child"("userId");
