-- CreateTable
CREATE TABLE "PublisherSettings" (
    "id" TEXT NOT NULL DEFAULT 'publisher',
    "name" TEXT NOT NULL,
    "logoUrl" TEXT,
    "accentColor" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublisherSettings_pkey" PRIMARY KEY ("id")
);
