-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EntryStatus" ADD VALUE 'SUBMITTED';
ALTER TYPE "EntryStatus" ADD VALUE 'RETURNED';
ALTER TYPE "EntryStatus" ADD VALUE 'REJECTED';

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CONTRIBUTOR';

-- CreateTable
CREATE TABLE "EntryReview" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntryReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EntryReview_entryId_createdAt_idx" ON "EntryReview"("entryId", "createdAt");

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
