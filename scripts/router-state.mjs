// The client router's `Next-Router-State-Tree` header. Next answers 500 when it cannot parse it,
// and strips it from what proxy.ts sees, so scripts/server.mjs checks it before Next does and
// answers 400 instead. The check is Next's own (same size cap, URL-decoding and schema), so what
// passes here is what Next accepts.
import parser from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";

export const ROUTER_STATE_HEADER = "next-router-state-tree";

/** True when the header is absent or a router state Next can read. Repeated headers are refused (Next refuses them too). */
export function isValidRouterState(value) {
  if (value === undefined || value === null) return true;
  try {
    parser.parseAndValidateFlightRouterState(value);
    return true;
  } catch {
    return false;
  }
}
