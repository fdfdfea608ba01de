// Who is calling: the socket peer, and — only when TRUSTED_PROXIES says which hops to believe —
// the client address a trusted proxy put in X-Forwarded-For. Plain Node (scripts/server.mjs runs
// it before Next), no dependencies: node:net's BlockList does the CIDR matching.
import { BlockList, isIP } from "node:net";

/** Headers scripts/server.mjs overwrites on every request; the app reads only these. */
export const PEER_HEADER = "x-vitrine-peer";
export const CLIENT_IP_HEADER = "x-vitrine-client-ip";

/** Named ranges, as Express's `trust proxy` spells them. */
const PRESETS = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * An address as the app stores it, or null when the text is not an IP address: brackets and an
 * IPv4 port removed, IPv4-mapped IPv6 (`::ffff:203.0.113.9`) written as IPv4, lower case.
 */
export function normalizeIp(value) {
  if (typeof value !== "string") return null;
  let v = value.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(v);
  if (mapped) v = mapped[1];
  return isIP(v) ? v : null;
}

/**
 * Parses TRUSTED_PROXIES: empty (X-Forwarded-For is never read), a hop count `N` (the socket peer
 * and the N-1 nearest X-Forwarded-For entries are proxies), or a comma-separated list of
 * addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. Throws naming a bad entry.
 */
export function parseTrustedProxies(spec) {
  const text = (spec ?? "").trim();
  if (!text) return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new Error(`TRUSTED_PROXIES: a hop count of ${hops} is not plausible (at most 32)`);
    return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
  }
  const list = new BlockList();
  const entries = text.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    for (const item of PRESETS[entry.toLowerCase()] ?? [entry]) {
      const [addr, bits, ...rest] = item.split("/");
      const ip = normalizeIp(addr);
      const family = ip && isIP(ip) === 6 ? "ipv6" : "ipv4";
      const max = family === "ipv6" ? 128 : 32;
      const prefix = bits === undefined ? max : /^\d+$/.test(bits) ? Number(bits) : NaN;
      if (!ip || rest.length || !(prefix >= 0 && prefix <= max))
        throw new Error(
          `TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range, a hop count or one of ${Object.keys(PRESETS).join(", ")}`,
        );
      list.addSubnet(ip, prefix, family);
    }
  }
  return { kind: "list", list, entries };
}

function trusted(trust, address, index) {
  if (trust.kind === "hops") return index < trust.hops;
  if (trust.kind === "list") return trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
  return false;
}

/**
 * The client address of one request. Walks from the socket peer leftwards through
 * X-Forwarded-For while each hop is a trusted proxy; the first untrusted hop is the client. An
 * entry that is not an IP address ends the walk at the hop that reported it. With no trusted
 * proxies the answer is the peer, whatever the headers say.
 */
export function clientAddress(peer, forwardedFor, trust) {
  const socket = normalizeIp(peer) ?? "unknown";
  if (trust.kind === "none" || !forwardedFor) return socket;
  const hops = [
    socket,
    ...String(forwardedFor)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse(),
  ];
  let current = socket;
  for (let i = 0; i < hops.length; i++) {
    const address = i === 0 ? socket : normalizeIp(hops[i]);
    if (address === null || address === "unknown") return current;
    current = address;
    if (!trusted(trust, address, i)) return address;
  }
  return current;
}
