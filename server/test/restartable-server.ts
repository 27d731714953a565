// What the restart and SIGKILL tests share: a server with one blog and write limits off (a feed publishes
// as fast as it can), live readers on it, and a second process that takes over the same database and the
// same port, so the readers' own reconnection finds it again. dispose() cleans up whatever got started.
import type { BlogDTO } from "@/common/contracts/dto";
import { LiveReader } from "./delivery-reader";
import { spawnServer, startTestServer, type SpawnedServer, type TestServer } from "./harness";

const ENV = { WRITE_RATE_PER_MINUTE: "0" };

export interface RestartableServer {
  server: TestServer;
  blog: BlogDTO;
  /** The editor's bearer token. */
  token: string;
  /** A reader of the blog (not started yet), closed by dispose(). */
  newReader(url: string, since: number): LiveReader;
  /** Starts a new process on the first one's database and port; the first must be gone by then. */
  restart(): Promise<SpawnedServer>;
  dispose(): Promise<void>;
}

export async function startRestartableServer(slug: string, title: string): Promise<RestartableServer> {
  const server = await startTestServer({ env: ENV });
  const readers: LiveReader[] = [];
  let restarted: SpawnedServer | undefined;
  const dispose = async () => {
    for (const reader of readers) reader.close();
    await restarted?.stop();
    await server.dispose();
  };
  try {
    const token = server.users.editor.token;
    const created = await fetch(`${server.url}/api/blogs`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ slug, title }),
    });
    if (created.status !== 201) throw new Error(`creating the blog answered ${created.status}`);
    const { blog } = (await created.json()) as { blog: BlogDTO };
    return {
      server,
      blog,
      token,
      newReader(url, since) {
        const reader = new LiveReader(url, slug, blog, { since, reconnection: true });
        readers.push(reader);
        return reader;
      },
      async restart() {
        restarted = await spawnServer(server.databaseUrl, { ...ENV, PORT: new URL(server.url).port });
        return restarted;
      },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
