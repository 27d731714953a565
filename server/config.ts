// Environment variables are read and validated here, once. Nothing else reads process.env.
import path from "node:path";
import { z } from "zod";
import type { PublisherDTO } from "@/common/contracts/dto";
// Relative: the migration scripts load this file with tsx from outside the repo, where "@/" does not resolve.
import {
  canonicalLocale,
  contrastOnWhite,
  DEFAULT_ACCENT_COLOR,
  HEX_COLOR,
  isLogoLocation,
  isTimeZone,
  MIN_ACCENT_CONTRAST,
} from "../common/publisher-brand";

const boolFlag = z.enum(["0", "1", "true", "false", ""]).transform((v) => v === "1" || v === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, "DATABASE_URL must start with file:, postgres:// or postgresql://")
    .default("file:./data/liveline.db"),
  // SQLite: how long a write waits for another connection's lock before giving up (answered as 503).
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  // How many of each blog's newest events the log keeps for replay; older readers reload the page instead.
  EVENT_LOG_RETENTION: z.coerce.number().int().min(1).default(10_000),
  // Several nodes: socket.io and cache invalidations go through this Redis (see docs/deploy.md).
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  // Names this deployment's Redis stream, channels and keys, so several deployments can share one Redis.
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,100}$/)
    .default("liveline"),
  // How long a cached read may live even without a change (a backstop; every change drops it at once). 0: no cache.
  READ_CACHE_TTL_SECONDS: z.coerce.number().min(0).default(60),
  // GET /_debug/stats (query count, memory, event-loop delay) for tests and the benchmark; never in production.
  LIVELINE_DEBUG_STATS: boolFlag.default(false),
  PUBLIC_URL: z.string().url().optional(),
  LIVELINE_DEMO: boolFlag.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  LOG_LEVEL: z.enum(["silent", "info", "debug"]).default("info"),
  UPLOADS_DIR: z.string().min(1).default("data/uploads"),
  // Where entries may show images from besides our own uploads: comma-separated https origins.
  IMAGE_HOSTS: z.string().default("").transform(parseImageHosts),
  // Megabytes each user may upload in any 24 hours; 0: no limit.
  UPLOAD_QUOTA_MB_PER_DAY: z.coerce.number().min(0).default(500),
  // Hostile input: see docs/security.md.
  // How long a client may take to send its request line and headers, and its whole request with the body
  // (a 5 MiB image upload in a minute needs about 700 kbit/s). Node's defaults (1 and 5 minutes) let a slow
  // client hold a connection, and a write's credential, far longer than an API needs.
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().default(20),
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().default(60),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(0).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(0).default(20),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(10),
  READ_RATE_PER_MINUTE: z.coerce.number().min(0).default(600),
  READ_BURST: z.coerce.number().int().min(1).default(120),
  WRITE_RATE_PER_MINUTE: z.coerce.number().min(0).default(120),
  SOCKET_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(0).default(200),
  // blog:join per socket: a burst, then this rate (each join may replay the log).
  SOCKET_JOIN_BURST: z.coerce.number().int().min(1).default(5),
  SOCKET_JOINS_PER_MINUTE: z.coerce.number().min(0).default(30),
  // Bytes waiting to be sent to one socket, and to all sockets of one address, before the slowest are dropped.
  SOCKET_MAX_UNSENT_KB: z.coerce.number().int().min(0).default(1024),
  SOCKET_MAX_UNSENT_KB_PER_IP: z.coerce
    .number()
    .int()
    .min(0)
    .default(16 * 1024),
  // The direct fan-out and upgrade-request release (server/realtime/engine-internals.ts); 0: socket.io's own paths.
  SOCKET_FAST_PATHS: boolFlag.default(true),
  // The publisher's brand until an admin saves one at /admin/settings (then the saved one wins).
  // The same checks as the settings API (publisherSettingsSchema in common/contracts/schemas.ts).
  PUBLISHER_NAME: z.string().trim().min(1).max(80).default("Liveline"),
  PUBLISHER_LOGO_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || isLogoLocation(value), "must be an https URL or a path under /uploads/")
    .transform((value) => value || null)
    .default(null),
  PUBLISHER_ACCENT: z
    .string()
    .trim()
    .regex(HEX_COLOR, "must be a colour as #rrggbb")
    .transform((hex) => hex.toLowerCase())
    .refine(
      (hex) => contrastOnWhite(hex) >= MIN_ACCENT_CONTRAST,
      `must contrast at least ${MIN_ACCENT_CONTRAST}:1 with white (links and buttons use it)`,
    )
    .default(DEFAULT_ACCENT_COLOR),
  PUBLISHER_TIME_ZONE: z
    .string()
    .trim()
    .refine(isTimeZone, "must be an IANA time zone such as Europe/London")
    .default("UTC"),
  PUBLISHER_LOCALE: z
    .string()
    .trim()
    .transform((tag) => canonicalLocale(tag) ?? "")
    .refine((tag) => tag !== "", "must be a BCP 47 locale such as en-GB")
    .default("en-GB"),
});

export type Config = {
  dev: boolean;
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  /** SQLite's busy_timeout, and PostgreSQL's connection timeout, in ms. */
  databaseBusyTimeoutMs: number;
  /** Events kept per blog in the event log (the newest ones). */
  eventLogRetention: number;
  /** Set when several nodes share readers through Redis. */
  redisUrl: string | undefined;
  redisPrefix: string;
  /** 0 turns the read cache off. */
  readCacheTtlMs: number;
  /** Serve GET /_debug/stats and count database queries. */
  debugStats: boolean;
  publicUrl: string | undefined;
  demo: boolean;
  sessionTtlMs: number;
  logLevel: "silent" | "info" | "debug";
  /** Direct fan-out and upgrade-request release on (they read engine.io internals; see server/realtime/engine-internals.ts). */
  socketFastPaths: boolean;
  /** Absolute path of the folder uploaded images are stored in. */
  uploadsDir: string;
  /**
   * Origins (`https://host[:port]`, no path) entries may load images from, besides this site's own
   * `/uploads/…`: the sanitizer refuses any other image source, and the CSP's img-src can name the same.
   */
  imageHosts: readonly string[];
  /** Bytes each user may upload in any 24 hours; 0: no limit. */
  uploadQuotaBytesPerDay: number;
  /** How many reverse proxies in front of us append to X-Forwarded-For (0: ignore the header). */
  trustProxy: number;
  /** How long a request's headers, and the whole request, may take to arrive (ms). */
  timeouts: { headersMs: number; requestMs: number };
  limits: Limits;
  /** The publisher's brand while no admin has saved one (PUBLISHER_*). */
  publisher: PublisherDefaults;
};

/** The brand fields of PublisherDTO, as the environment gives them. */
export type PublisherDefaults = Omit<PublisherDTO, "updatedAt">;

/** Abuse limits; 0 turns a limit off. */
export interface Limits {
  login: { maxFailuresPerEmail: number; maxFailuresPerIp: number; windowMs: number };
  /** Token bucket per client address for API reads without a valid credential. */
  anonymousReads: { perMinute: number; burst: number };
  /** Token bucket per user for writes (burst = one minute's worth). */
  writesPerMinute: number;
  socketConnectionsPerIp: number;
  /** blog:join per socket: `burst` at once, then `perMinute` (0: no limit). */
  socketJoins: { burst: number; perMinute: number };
  /** Unsent bytes one socket may hold, and all sockets of one address together, before the slowest are dropped. */
  socketUnsentBytes: number;
  socketUnsentBytesPerIp: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ");
    throw new Error(`Invalid configuration:\n  ${problems}`);
  }
  const e = parsed.data;
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (e.HTTP_HEADERS_TIMEOUT_SECONDS > e.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new Error(
      "Invalid configuration:\n  HTTP_HEADERS_TIMEOUT_SECONDS: must not be longer than HTTP_REQUEST_TIMEOUT_SECONDS",
    );
  }
  return {
    dev: e.NODE_ENV === "development",
    production: e.NODE_ENV === "production",
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseBusyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS,
    eventLogRetention: e.EVENT_LOG_RETENTION,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    readCacheTtlMs: e.READ_CACHE_TTL_SECONDS * 1000,
    debugStats: e.LIVELINE_DEBUG_STATS,
    publicUrl: e.PUBLIC_URL,
    demo: e.LIVELINE_DEMO,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    logLevel: e.LOG_LEVEL,
    socketFastPaths: e.SOCKET_FAST_PATHS,
    uploadsDir: path.resolve(e.UPLOADS_DIR),
    imageHosts: e.IMAGE_HOSTS,
    uploadQuotaBytesPerDay: Math.round(e.UPLOAD_QUOTA_MB_PER_DAY * 1024 * 1024),
    trustProxy: e.TRUST_PROXY,
    timeouts: { headersMs: e.HTTP_HEADERS_TIMEOUT_SECONDS * 1000, requestMs: e.HTTP_REQUEST_TIMEOUT_SECONDS * 1000 },
    limits: {
      login: {
        maxFailuresPerEmail: e.LOGIN_MAX_FAILURES_PER_EMAIL,
        maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
        windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
      },
      anonymousReads: { perMinute: e.READ_RATE_PER_MINUTE, burst: e.READ_BURST },
      writesPerMinute: e.WRITE_RATE_PER_MINUTE,
      socketConnectionsPerIp: e.SOCKET_MAX_CONNECTIONS_PER_IP,
      socketJoins: { burst: e.SOCKET_JOIN_BURST, perMinute: e.SOCKET_JOINS_PER_MINUTE },
      socketUnsentBytes: e.SOCKET_MAX_UNSENT_KB * 1024,
      socketUnsentBytesPerIp: e.SOCKET_MAX_UNSENT_KB_PER_IP * 1024,
    },
    publisher: {
      name: e.PUBLISHER_NAME,
      logoUrl: e.PUBLISHER_LOGO_URL,
      accentColor: e.PUBLISHER_ACCENT,
      timeZone: e.PUBLISHER_TIME_ZONE,
      locale: e.PUBLISHER_LOCALE,
    },
  };
}

/**
 * IMAGE_HOSTS as a list of origins. Only https origins are taken, written as origins (no path, query or
 * credentials): an image host is trusted as a whole, and plain http images would be mixed content.
 */
function parseImageHosts(value: string, context: z.RefinementCtx): string[] {
  const origins: string[] = [];
  for (const item of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const url = URL.canParse(item) ? new URL(item) : null;
    if (
      !url ||
      url.protocol !== "https:" ||
      url.username ||
      url.password ||
      url.pathname !== "/" ||
      url.search ||
      url.hash
    ) {
      context.addIssue({
        code: "custom",
        message: `"${item}" is not an https origin such as https://images.example.org`,
      });
    } else if (!origins.includes(url.origin)) {
      origins.push(url.origin);
    }
  }
  return origins;
}
