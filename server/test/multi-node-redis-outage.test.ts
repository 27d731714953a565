// Redis goes away under two nodes and comes back. Readers watch node A and node B; a wire feed publishes
// on node A while Redis first stops answering (a stuck host, a partition), then dies, then stays down for a
// while (every answer a 201: the entries are in PostgreSQL, Redis is only the relay). Node A's own readers
// get every entry live all along. Then Redis restarts, empty, on the same port, and with nothing more
// published, the readers on B end with every entry, each applied once, as the page's own sequencer and feed
// state apply them (server/test/delivery-reader.ts); entries published after that reach everyone live.
// This file runs its own redis-server on a free port (never the shared one), and like multi-node.test.ts
// only on PostgreSQL: SQLite is one process by design.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import type { BlogDTO, EntryDTO } from "@/common/contracts/dto";
import { LiveReader, publishedEntries } from "./delivery-reader";
import { apiClient, spawnServer, startTestServer, waitFor, type SpawnedServer, type TestServer } from "./harness";

const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
if (!postgres)
  console.log(
    "[redis-outage] skipped: several nodes need PostgreSQL (set DATABASE_URL=postgresql://…); SQLite is one process by design",
  );

const SLUG = "redis-outage";
let redis: RedisProcess | undefined;
let a: TestServer | undefined;
let b: SpawnedServer | undefined;
const readers: LiveReader[] = [];

afterAll(async () => {
  for (const reader of readers) reader.close();
  await b?.stop();
  await a?.dispose();
  await redis?.stop();
});

describe.skipIf(!postgres)("Redis stops answering, dies and restarts under two nodes", () => {
  it(
    "node A's readers follow live meanwhile; node B's get every entry once Redis is back, once each, and all follow live again",
    { timeout: 120_000 },
    async () => {
      redis = await startRedis(await freePort());
      const env = {
        REDIS_URL: redis.url,
        REDIS_PREFIX: `liveline-outage-${randomBytes(4).toString("hex")}`,
        WRITE_RATE_PER_MINUTE: "0",
        READ_RATE_PER_MINUTE: "0",
      };
      a = await startTestServer({ env });
      b = await spawnServer(a.databaseUrl, env);
      const editor = apiClient(a.url, a.users.editor.token);
      const created = await editor<{ blog: BlogDTO }>("POST", "/api/blogs", { slug: SLUG, title: "Redis outage" });
      expect(created.status).toBe(201);

      const published: EntryDTO[] = [];
      const publish = async () => {
        const answer = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${SLUG}/entries`, {
          body: `<p>Update ${published.length + 1}</p>`,
        });
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        published.push(answer.body.entry);
      };
      const caughtUp =
        (group: LiveReader[], seq = published.length) =>
        () =>
          group.every((reader) => reader.seq >= seq);

      const onA = [new LiveReader(a.url, SLUG, created.body.blog)];
      const nodeB = b.url;
      const onB = [0, 1, 2].map(() => new LiveReader(nodeB, SLUG, created.body.blog));
      readers.push(...onA, ...onB);
      for (const reader of readers) await reader.start();
      for (let i = 0; i < 2; i++) await publish();
      await waitFor(caughtUp(readers), "the first entries on both nodes");
      // Node B keeps the blog's first page in its read cache until a change on any node drops it.
      const newestOnB = async () =>
        (await apiClient(nodeB)<{ entries: EntryDTO[] }>("GET", `/api/blogs/${SLUG}/entries`)).body.entries[0]?.id;

      // The feed publishes on A as fast as it can; under it, Redis stops answering, then dies.
      let feeding = true;
      const feed = (async () => {
        while (feeding) await publish();
      })();
      feed.catch(() => undefined); // awaited below; if the test fails first, the servers stop under it
      const after = (count: number, what: string) => {
        const from = published.length;
        return waitFor(() => published.length >= from + count, what);
      };
      await after(2, "the feed to get going");
      redis.freeze();
      await after(3, "entries published while Redis does not answer");
      await waitFor(caughtUp(onA), "node A's readers to get them although Redis does not answer");
      await newestOnB(); // cached on B now; the drops for what A publishes from here on cannot reach B
      await redis.kill();
      await after(3, "entries published while Redis is down");
      // A reader whose connection drops meanwhile gets back in: joins do not need Redis.
      const rejoining = onB[0]!;
      const joins = rejoining.joins.length;
      rejoining.socket.disconnect();
      rejoining.socket.connect();
      await waitFor(() => rejoining.joins[joins], "a reader on B to join again while Redis is down");
      feeding = false;
      await feed;
      await waitFor(caughtUp(onA), "node A's readers to get every entry while Redis is away");

      // Redis is back (empty: no persistence, as docs/deploy.md allows). Nothing else is published until B's readers have caught up.
      await redis.restart();
      await waitFor(caughtUp(onB), `the readers on B to reach seq ${published.length} once Redis is back`);
      // The drops A sent while Redis was away are lost; B dropped its cached reads when Redis came back, not a TTL later.
      await waitFor(
        async () => (await newestOnB()) === published.at(-1)!.id,
        "node B's cached first page to show the newest entry",
      );

      // Live again on both nodes.
      await publish();
      await waitFor(caughtUp(readers), "an entry published after the outage");

      const listed = await publishedEntries(a.url, SLUG);
      expect(listed.map((e) => e.id)).toEqual(published.map((e) => e.id).reverse());
      for (const reader of readers) {
        expect(reader.applied.map((e) => e.payload.seq)).toEqual(published.map((_, i) => i + 1));
        expect(reader.applied.map((e) => (e.type === "entry:published" ? e.payload.entry.id : null))).toEqual(
          published.map((e) => e.id),
        );
        expect(reader.shownIds()).toEqual(listed.map((e) => e.id));
      }
    },
  );
});

interface RedisProcess {
  url: string;
  /** SIGSTOP: connections stay open and nothing answers, as with a stuck host or a network partition. */
  freeze(): void;
  /** SIGKILL, as a crash: no goodbye to the clients. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** A new redis-server on the same port, resolved once it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function startRedis(port: number): Promise<RedisProcess> {
  let child: ChildProcess;
  const launch = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await waitFor(() => ping(port), `redis-server on port ${port}`);
  };
  const exit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => void child.kill("SIGSTOP"),
    kill: () => exit("SIGKILL"),
    restart: launch,
    stop: () => exit("SIGKILL"),
  };
}

/** True once a Redis on this port answers PING. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", () => resolve(false));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("connect", () => socket.write("PING\r\n"));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
