// Prisma CLI configuration. No engine binaries are downloaded: the client runs on the JS engine
// and migrations go through a driver adapter — a real PostgreSQL when DATABASE_URL is set,
// otherwise the embedded PGlite directory the app itself uses.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./lib/db/cli-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx --conditions=react-server prisma/seed.ts" },
  async adapter() {
    return cliAdapter();
  },
});
