"use client";
// The publisher's brand for browser code: the root layout provides it from the server (server/reader/publisher.ts),
// so the first render, on the server and in the browser alike, can format times in the publisher's time zone and
// locale before the reader's own are known.
import { createContext, useContext } from "react";
import type { PublisherDTO } from "@/common/contracts/dto";

const PublisherContext = createContext<PublisherDTO | null>(null);

export function PublisherProvider({ publisher, children }: { publisher: PublisherDTO; children: React.ReactNode }) {
  return <PublisherContext value={publisher}>{children}</PublisherContext>;
}

/** The publisher's name, logo, accent colour, default time zone and locale. */
export function usePublisher(): PublisherDTO {
  const publisher = useContext(PublisherContext);
  if (!publisher) throw new Error("usePublisher() outside PublisherProvider (app/layout.tsx provides it)");
  return publisher;
}
