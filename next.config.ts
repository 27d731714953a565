import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The custom server in server/index.ts owns the HTTP server and socket.io.
  poweredByHeader: false,
  // These run only in the Node process that hosts Next; never bundle them.
  serverExternalPackages: [
    "@libsql/client",
    "@prisma/adapter-libsql",
    "@prisma/adapter-pg",
    "pg",
    "socket.io",
    "bcryptjs",
    "sanitize-html",
  ],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
