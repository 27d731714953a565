-- CreateTable
CREATE TABLE "BlogLabel" (
    "id" TEXT NOT NULL,
    "blogId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlogLabel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BlogLabel_blogId_name_key" ON "BlogLabel"("blogId", "name");

-- AddForeignKey
ALTER TABLE "BlogLabel" ADD CONSTRAINT "BlogLabel_blogId_fkey" FOREIGN KEY ("blogId") REFERENCES "Blog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: "Key event" was both a label and a flag: now it is the flag alone.
UPDATE "Entry" SET "keyEvent" = true, "label" = NULL WHERE lower(trim("label")) = 'key event';

-- Data: each blog starts with the labels that were the fixed list (common/contracts/dto.ts), "Key event" aside.
INSERT INTO "BlogLabel" ("id", "blogId", "name", "colour", "position")
SELECT 'initial-' || "id" || '-' || "initial"."position", "id", "initial"."name", "initial"."colour", "initial"."position"
FROM "Blog" CROSS JOIN (
  SELECT 'Breaking' AS "name", '#b91c1c' AS "colour", 0 AS "position"
  UNION ALL SELECT 'ICYMI', '#1d4ed8', 1
  UNION ALL SELECT 'Analysis', '#6d28d9', 2
  UNION ALL SELECT 'Full report', '#047857', 3
) AS "initial";
