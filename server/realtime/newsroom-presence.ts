// Who is in each blog's newsroom workspace right now, and which entries they have open in an editor.
//
// A socket is present in a blog from its successful admin:join (its person taken from the session the server
// checked then, never from what it sends) until it disconnects: a closed tab, a sign-out, a deactivation or an
// expired session (all of which end the socket) take the person away at once. With several nodes, each node
// tells the others what its own sockets hold, whenever that changes and on a heartbeat; a node heard from no
// longer than PRESENCE_TTL_MS ago counts, so one that died stops counting after that long. Each node then
// tells its own sockets the whole list of a blog whenever the list they last got is no longer true.
//
// What one socket can make this hold is bounded: PRESENCE_MAX_EDITING entry ids per blog it joined, each
// checked by the caller; the blogs it joined are bounded by admin:join's rate limit.
import type { ChangedBy, PresencePerson } from "@/common/contracts/events";

/** How often a node tells the others everything its sockets hold. */
export const PRESENCE_HEARTBEAT_MS = 3000;
/** A node not heard from for this long (it died, or lost Redis) no longer counts. */
export const PRESENCE_TTL_MS = 3 * PRESENCE_HEARTBEAT_MS + 1000;

/** What nodes tell each other: a node's people per blog; `full` replaces everything it said before. */
export interface PresenceShare {
  node: string;
  blogs: Record<string, PresencePerson[]>;
  full: boolean;
}

export interface PresenceOptions {
  /** This node's id, as the others know it. */
  node: string;
  /** Tells this node's sockets in a blog's newsroom the list as it now is. */
  send: (slug: string, people: PresencePerson[]) => void;
  /** Tells the other nodes (unset: this node alone). */
  share?: (message: PresenceShare) => void;
  now?: () => number;
}

interface Seat {
  person: ChangedBy;
  editing: string[];
}

export interface NewsroomPresence {
  /** A socket joined a blog's newsroom as `person`. */
  join(slug: string, socket: string, person: ChangedBy): void;
  /** True when the socket is present in the blog (it joined its newsroom and is still connected). */
  isIn(slug: string, socket: string): boolean;
  /** The entries a present socket has open in an editor (already checked and bounded). */
  setEditing(slug: string, socket: string, entries: readonly string[]): void;
  /** The socket disconnected: it leaves every blog. */
  leave(socket: string): void;
  /** Everyone in a blog's newsroom, on every node. */
  peopleOf(slug: string): PresencePerson[];
  /** Another node told us what it holds. */
  heard(message: PresenceShare): void;
  /** The heartbeat: tell the others everything, and forget nodes gone silent. */
  beat(): void;
  close(): void;
}

export function createNewsroomPresence({
  node,
  send,
  share,
  now = () => Date.now(),
}: PresenceOptions): NewsroomPresence {
  const local = new Map<string, Map<string, Seat>>();
  const remote = new Map<string, { seenAt: number; blogs: Map<string, PresencePerson[]> }>();
  /** What this node's sockets were last told, per blog, to send only what changed. */
  const told = new Map<string, string>();

  const localPeople = (slug: string): PresencePerson[] => mergePeople([...(local.get(slug)?.values() ?? [])]);

  const peopleOf = (slug: string): PresencePerson[] => {
    const seats: Seat[] = [...(local.get(slug)?.values() ?? [])];
    for (const peer of remote.values())
      for (const person of peer.blogs.get(slug) ?? [])
        seats.push({ person: { id: person.id, name: person.name }, editing: person.editing });
    return mergePeople(seats);
  };

  /** Tells this node's sockets when what they last heard is no longer true. */
  const refresh = (slug: string) => {
    const people = peopleOf(slug);
    const text = JSON.stringify(people);
    if (told.get(slug) === text) return;
    if (people.length === 0 && !local.has(slug)) told.delete(slug);
    else told.set(slug, text);
    send(slug, people);
  };

  /** This node's sockets in a blog changed: the others hear it, then ours. */
  const changed = (slug: string) => {
    share?.({ node, blogs: { [slug]: localPeople(slug) }, full: false });
    refresh(slug);
  };

  const everything = (): PresenceShare => {
    const blogs: Record<string, PresencePerson[]> = {};
    for (const slug of local.keys()) blogs[slug] = localPeople(slug);
    return { node, blogs, full: true };
  };

  const forgetSilentNodes = () => {
    for (const [id, peer] of remote) {
      if (peer.seenAt + PRESENCE_TTL_MS >= now()) continue;
      remote.delete(id);
      for (const slug of peer.blogs.keys()) refresh(slug);
    }
  };

  return {
    join(slug, socket, person) {
      let seats = local.get(slug);
      if (!seats) local.set(slug, (seats = new Map<string, Seat>()));
      if (seats.has(socket)) return;
      seats.set(socket, { person, editing: [] });
      changed(slug);
    },
    isIn: (slug, socket) => local.get(slug)?.has(socket) ?? false,
    setEditing(slug, socket, entries) {
      const seat = local.get(slug)?.get(socket);
      if (!seat || sameList(seat.editing, entries)) return;
      seat.editing = [...entries];
      changed(slug);
    },
    leave(socket) {
      for (const [slug, seats] of local) {
        if (!seats.delete(socket)) continue;
        if (seats.size === 0) local.delete(slug);
        changed(slug);
      }
    },
    peopleOf,
    heard({ node: from, blogs, full }) {
      if (from === node) return;
      const known = remote.get(from);
      const peer = known ?? { seenAt: 0, blogs: new Map<string, PresencePerson[]>() };
      const touched = new Set(Object.keys(blogs));
      if (full) {
        for (const slug of peer.blogs.keys()) touched.add(slug);
        peer.blogs.clear();
      }
      for (const [slug, people] of Object.entries(blogs)) {
        if (people.length > 0) peer.blogs.set(slug, people);
        else peer.blogs.delete(slug);
      }
      peer.seenAt = now();
      remote.set(from, peer);
      for (const slug of touched) refresh(slug);
      // A node we did not know (it just started, or came back) learns everything we hold now, not in a heartbeat.
      if (!known) share?.(everything());
    },
    beat() {
      share?.(everything());
      forgetSilentNodes();
    },
    close() {
      local.clear();
      remote.clear();
      told.clear();
    },
  };
}

/** One person per user (all their tabs and nodes), their open entries together, by name. */
export function mergePeople(seats: readonly Seat[]): PresencePerson[] {
  const people = new Map<string, PresencePerson>();
  for (const { person, editing } of seats) {
    const known = people.get(person.id) ?? { id: person.id, name: person.name, editing: [] };
    for (const id of editing) if (!known.editing.includes(id)) known.editing.push(id);
    people.set(person.id, known);
  }
  return [...people.values()]
    .map((person) => ({ ...person, editing: [...person.editing].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
