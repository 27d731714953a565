-- CreateEnum
CREATE TYPE "FeedOrder" AS ENUM ('NEWEST', 'OLDEST');

-- AlterTable
ALTER TABLE "Blog" ADD COLUMN     "defaultSort" "FeedOrder" NOT NULL DEFAULT 'NEWEST';

-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "pinOrder" INTEGER;
