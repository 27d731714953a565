// The broadcast of one entry to every reader of a blog, at the cost of one frame write per reader.
//
// socket.io encodes a room broadcast once, WebSocket frame included (`wsPreEncodedFrame`), then hands it
// to each socket's engine.io connection, which queues it, flushes the queue, lends it to its transport,
// waits for the write callback and emits five events on the way: per reader, more work than the write
// itself, and the reason a socket.io fan-out took about 1.7x a bare `ws` broadcast (docs/performance.md).
//
// This wraps an adapter (the in-memory one, or the Redis Streams one across nodes) so that a broadcast
// reaching a reader whose WebSocket is open and idle (nothing queued in engine.io, no write in flight)
// goes straight to that WebSocket's sender, the same call engine.io itself ends with. Anything else
// (long-polling, a busy or closing connection, volatile or acknowledged broadcasts, binary packets) takes
// socket.io's own path, so the order of frames on a connection never changes. What it reads of engine.io
// and ws is in engine-internals.ts; an adapter without the two steps it wraps is used as it is.
import type { Adapter } from "socket.io-adapter";
import type { Namespace, ServerOptions, Socket } from "socket.io";
import { idleFrameSender } from "./engine-internals";

/** socket.io-adapter types packets as any; what this file reads of one. */
type Packet = { id?: number; [field: string]: unknown };
type PacketOptions = { wsPreEncodedFrame?: unknown; volatile?: boolean };
type ApplyOptions = Parameters<Adapter["broadcast"]>[1];

/** The two adapter methods every broadcast goes through (typed private in socket.io-adapter). */
interface BroadcastSteps {
  _encode(packet: Packet, options: PacketOptions): unknown[];
  apply(opts: ApplyOptions, callback: (socket: Socket) => void): void;
}

/** The counts a test reads to know which path broadcasts took. */
export interface FanOutCounts {
  direct: number;
  queued: number;
}

type AdapterOption = NonNullable<ServerOptions["adapter"]>;

/**
 * The `adapter` option for socket.io: `base` (an adapter class, or a factory such as the Redis Streams
 * adapter's) with direct fan-out. socket.io builds it with `new`; a plain function returning the adapter serves.
 */
export interface DirectFanOutOptions {
  /** Counts which path each delivery took (tests). */
  counts?: FanOutCounts;
  /** Read before each broadcast: false sends it socket.io's way (a failed check of engine.io's internals). */
  enabled?: () => boolean;
  warn?: (message: string) => void;
}

export function directFanOutAdapter(base: AdapterOption, options: DirectFanOutOptions = {}): AdapterOption {
  const Base = base as unknown as new (nsp: Namespace) => Adapter;
  return function directFanOut(nsp: Namespace) {
    const adapter = new Base(nsp);
    const steps = adapter as unknown as Partial<BroadcastSteps>;
    if (typeof steps._encode === "function" && typeof steps.apply === "function")
      return withDirectFanOut(adapter, nsp, options);
    options.warn?.(
      "direct fan-out is off: this socket.io adapter has no _encode/apply steps (see server/realtime/engine-internals.ts)",
    );
    return adapter;
  };
}

function withDirectFanOut<A extends Adapter>(
  adapter: A,
  nsp: Namespace,
  { counts, enabled = () => true }: DirectFanOutOptions,
): A {
  // `_encode` runs right before `apply` in both broadcast methods, in one synchronous call: what it
  // encoded for a plain broadcast is what the next `apply` sends. Any other `apply` finds nothing pending.
  let pending: { packet: Packet; frame: unknown } | null = null;
  const steps = adapter as unknown as BroadcastSteps;
  const encode = steps._encode.bind(adapter);
  const apply = steps.apply.bind(adapter);

  Object.assign(adapter, {
    _encode(packet: Packet, options: PacketOptions): unknown[] {
      const encoded = encode(packet, options);
      // Acknowledged broadcasts (packet.id) register a callback per socket; volatile ones may be dropped per socket.
      const plain =
        packet.id === undefined &&
        !options.volatile &&
        encoded.length === 1 &&
        options.wsPreEncodedFrame !== undefined &&
        enabled();
      // The frame as one buffer: one write per reader rather than a corked header and payload.
      pending = plain ? { packet, frame: [Buffer.concat(options.wsPreEncodedFrame as Buffer[])] } : null;
      return encoded;
    },
    apply(opts: ApplyOptions, callback: (socket: Socket) => void): void {
      const broadcast = pending;
      pending = null;
      if (!broadcast) return apply(opts, callback);
      const deliver = (socket: Socket) => {
        if (writeDirect(socket, broadcast.packet, broadcast.frame)) {
          if (counts) counts.direct++;
        } else {
          if (counts) counts.queued++;
          callback(socket);
        }
      };
      // One room and nobody excepted (every blog broadcast): its members as they are, without the set of
      // ids socket.io builds per broadcast to avoid sending twice to a socket in several rooms.
      const [room, ...others] = opts.rooms;
      if (room !== undefined && others.length === 0 && !opts.except?.size) {
        for (const id of adapter.rooms.get(room) ?? []) {
          const socket = nsp.sockets.get(id);
          if (socket) deliver(socket);
        }
        return;
      }
      apply(opts, deliver);
    },
  } satisfies BroadcastSteps);
  return adapter;
}

function writeDirect(socket: Socket, packet: Packet, frame: unknown): boolean {
  // Something queued or in flight on this connection must go first: socket.io's path keeps the order.
  const sender = idleFrameSender(socket.conn);
  if (!sender) return false;
  (socket as unknown as { notifyOutgoingListeners?: (packet: Packet) => void }).notifyOutgoingListeners?.(packet);
  sender.sendFrame(frame);
  return true;
}
