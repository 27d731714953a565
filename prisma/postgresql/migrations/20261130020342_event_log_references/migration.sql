-- The event log keeps references, not content (server/db/events.ts).
-- AlterTable
ALTER TABLE "BlogEvent" ADD COLUMN     "entryId" TEXT;

-- The log kept the JSON of each event, entry text included. Only the id of the entry it was about is carried over.
UPDATE "BlogEvent"
SET "entryId" = COALESCE(("payload"::jsonb) #>> '{entry,id}', ("payload"::jsonb) ->> 'id')
WHERE "type" <> 'blog:updated';

-- AlterTable
ALTER TABLE "BlogEvent" DROP COLUMN "payload";
