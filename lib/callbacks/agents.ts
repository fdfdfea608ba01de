// Keep-alive connections for callbacks: one agent per endpoint, so a connection is reused only for
// the same store's endpoint, never shared between stores, and an endpoint never holds more sockets
// than its in-flight cap. Addresses are checked when a connection opens (the agent passes the
// guarded `lookup` through); an open connection keeps the peer it was checked against.
import http from "node:http";
import https from "node:https";

/** Below common servers' keep-alive timeout (Node 5 s), so we close idle sockets before they do. */
const IDLE_SOCKET_MS = 4_000;
/** An endpoint's agent unused for this long is destroyed (its sockets closed). */
const IDLE_AGENT_MS = 60_000;

type Entry = { agent: http.Agent; lastUsed: number };
const agents = new Map<string, Entry>();
let sweeper: NodeJS.Timeout | null = null;

function sweep() {
  const cutoff = Date.now() - IDLE_AGENT_MS;
  for (const [key, entry] of agents)
    if (entry.lastUsed < cutoff) {
      entry.agent.destroy();
      agents.delete(key);
    }
  if (agents.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = null;
  }
}

/** The agent for this endpoint and scheme, created on first use. */
export function agentFor(endpointId: string, url: URL, maxSockets: number): http.Agent {
  const key = `${endpointId} ${url.protocol}`;
  let entry = agents.get(key);
  // A changed cap gets a new agent; the old one is left to finish its requests (idle sockets time out).
  if (!entry || entry.agent.maxSockets !== maxSockets) {
    const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: IDLE_SOCKET_MS };
    entry = { agent: url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options), lastUsed: 0 };
    agents.set(key, entry);
  }
  entry.lastUsed = Date.now();
  if (!sweeper) {
    sweeper = setInterval(sweep, IDLE_AGENT_MS / 2);
    sweeper.unref();
  }
  return entry.agent;
}

/** Closes every pooled connection (tests, shutdown). */
export function closeCallbackAgents() {
  for (const entry of agents.values()) entry.agent.destroy();
  agents.clear();
}
