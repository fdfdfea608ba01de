// The bench runs the app's server code under `--conditions=react-server` (so `server-only` is
// allowed), where `react` has no client APIs. Next's bundler maps `next/navigation` to its
// react-server build for server code; plain Node does not, so do the same mapping here.
import Module from "node:module";

const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === "next/navigation") request = "next/dist/client/components/navigation.react-server.js";
  return original.call(this, request, ...rest);
};
