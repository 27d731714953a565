// `npm start`: build when needed, then serve in production mode from this process.
import { ensureBuild } from "./ensure-build";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureBuild();
// Set before the server (and Next) are loaded: Next reads it at import time.
(process.env as Record<string, string>).NODE_ENV = "production";
await import("../server/index.ts");
