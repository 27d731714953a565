// Everything an anonymous client can read about one blog, fetched from one node as one text to search: the tests
// that check what the newsroom took back (or keeps to itself) is on no public surface scan it.
import { expect } from "vitest";
import type { EventsPage } from "@/common/contracts/events";
import { connectSocket, joinBlog } from "./socket-reader";

/** Everything an anonymous reader can fetch about the blog from one node, as one text to search. */
export async function everythingPublic(base: string, slug: string, entryIds: string[]): Promise<string> {
  const texts: string[] = [];
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await fetch(base + path, { headers });
    // Gone entries are 404s; anything else must be a real answer to scan.
    if (answer.status !== 200 && answer.status !== 404) throw new Error(`${path} answered ${answer.status}`);
    texts.push(`${path} ${answer.status}\n${await answer.text()}`);
  };
  await get("/");
  await get(`/live/${slug}`);
  await get(`/live/${slug}`, { "accept-encoding": "identity" });
  await get(`/live/${slug}`, { rsc: "1" });
  await get(`/embed/${slug}`);
  await get(`/live/${slug}/feed.xml`);
  for (const id of entryIds) {
    await get(`/live/${slug}/entries/${id}`);
    await get(`/api/blogs/${slug}/entries/${id}`);
  }
  await get("/api/blogs");
  await get(`/api/blogs/${slug}`);
  for (const query of ["", "?pinned=true&limit=100", "?pinned=false&limit=20", "?limit=100"])
    await get(`/api/blogs/${slug}/entries${query}`);
  // The event log over HTTP, every page of it.
  let since = 0;
  for (;;) {
    const answer = await fetch(`${base}/api/blogs/${slug}/events?since=${since}&limit=2`);
    expect(answer.status).toBe(200);
    const text = await answer.text();
    texts.push(`events?since=${since} ${answer.status}\n${text}`);
    const page = JSON.parse(text) as EventsPage;
    if (!page.hasMore) break;
    since = page.seq;
  }
  // A socket that joins from the start: its answer, and anything sent to it after.
  const socket = await connectSocket(base);
  texts.push(JSON.stringify(await joinBlog(socket, { slug: slug, since: 0 })));
  await new Promise((r) => setTimeout(r, 300));
  texts.push(JSON.stringify(socket.received));
  socket.disconnect();
  return texts.join("\n");
}
