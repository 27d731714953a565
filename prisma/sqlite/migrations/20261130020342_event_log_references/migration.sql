-- The event log keeps references, not content (server/db/events.ts).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BlogEvent" (
    "blogId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "entryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("blogId", "seq"),
    CONSTRAINT "BlogEvent_blogId_fkey" FOREIGN KEY ("blogId") REFERENCES "Blog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- The log kept the JSON of each event, entry text included. Only the id of the entry it was about is carried over.
INSERT INTO "new_BlogEvent" ("blogId", "createdAt", "seq", "type", "entryId")
SELECT "blogId", "createdAt", "seq", "type",
       CASE WHEN "type" = 'blog:updated' THEN NULL
            ELSE COALESCE(json_extract("payload", '$.entry.id'), json_extract("payload", '$.id')) END
FROM "BlogEvent";
DROP TABLE "BlogEvent";
ALTER TABLE "new_BlogEvent" RENAME TO "BlogEvent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
