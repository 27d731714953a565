-- CreateTable
CREATE TABLE "PublisherSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'publisher',
    "name" TEXT NOT NULL,
    "logoUrl" TEXT,
    "accentColor" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
