// The publisher's brand as pages, feeds and metadata show it, read once per request and kept in the read cache:
// every page render asks for it. Saving new settings drops every cached read on every node (drop-all-caches).
import "server-only";
import { cache } from "react";
import type { PublisherDTO } from "@/common/contracts/dto";
import { readPublisher } from "@/server/db/publisher-settings";
import { getRuntime } from "@/server/runtime";

/**
 * The name, logo, accent colour, time zone and locale to show. Server components and route handlers call it;
 * browser code gets it from `usePublisher()` (components/ui/publisher-context.tsx).
 */
export const getPublisher = cache((): Promise<PublisherDTO> => {
  const { db, readCache, config } = getRuntime();
  return readCache.site("publisher", () => readPublisher(db, config.publisher));
});
