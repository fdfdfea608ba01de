import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets two builds live side by side (e.g. parallel browser-test runs); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite, pg-boss and pino must stay real Node modules (native fs/wasm), not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg-boss",
    "pino",
    "pg",
    "@prisma/adapter-pg",
    "@react-pdf/renderer",
  ],
  typedRoutes: false,
  // proxy.ts sets the security headers of every other answer.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
