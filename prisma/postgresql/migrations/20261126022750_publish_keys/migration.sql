-- CreateTable
CREATE TABLE "PublishKey" (
    "actorId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishKey_pkey" PRIMARY KEY ("actorId","key")
);

-- CreateIndex
CREATE INDEX "PublishKey_createdAt_idx" ON "PublishKey"("createdAt");

-- AddForeignKey
ALTER TABLE "PublishKey" ADD CONSTRAINT "PublishKey_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
