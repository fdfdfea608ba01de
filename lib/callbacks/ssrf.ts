// Callbacks go only to public addresses: every address a host resolves to is checked, when the
// endpoint is saved and again on every connection (DNS can change between the two).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { callbackEnv } from "./config";

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const defaultResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** The IPv4 address carried in an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedIpv4(ip: string): string | null {
  const groups = expandIpv6(ip);
  if (!groups) return null;
  const head = groups
    .slice(0, 6)
    .map((g) => g.toString(16))
    .join(":");
  const mapped = head === "0:0:0:0:0:ffff" || head === "0:0:0:0:0:0" || head === "64:ff9b:0:0:0:0";
  if (!mapped) return null;
  const [hi, lo] = [groups[6]!, groups[7]!];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

function expandIpv6(ip: string): number[] | null {
  let text = ip.toLowerCase().split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left, right] = text.split("::") as [string, string | undefined];
  const l = left ? left.split(":") : [];
  const r = right ? right.split(":") : [];
  const fill = right === undefined ? [] : Array(8 - l.length - r.length).fill("0");
  const all = [...l, ...fill, ...r];
  if (all.length !== 8) return null;
  return all.map((g) => parseInt(g, 16));
}

/** True for a unicast address on the public internet. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return !blocked.check(ip, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) return !blocked.check(v4, "ipv4");
    return !blocked.check(ip.split("%")[0]!, "ipv6");
  }
  return false;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };
export type CheckOptions = { resolve?: Resolver; allowedHosts?: Set<string> };

function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
}

export function isAllowListed(hostname: string, allowedHosts = callbackEnv().CALLBACK_ALLOWED_HOSTS): boolean {
  return allowedHosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, ""));
}

/** Decides whether Vitrine may POST to this URL; never throws. */
export async function checkCallbackUrl(raw: string, opts: CheckOptions = {}): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, reason: "only http and https URLs are allowed" };
  if (url.username || url.password) return { ok: false, reason: "URLs with credentials are not allowed" };
  const host = bareHost(url);
  if (isAllowListed(host, opts.allowedHosts)) return { ok: true, url };
  if (isIP(host))
    return isPublicAddress(host) ? { ok: true, url } : { ok: false, reason: `${host} is not a public address` };
  let addresses: LookupAddress[];
  try {
    addresses = await (opts.resolve ?? defaultResolver)(host);
  } catch {
    return { ok: false, reason: `${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  return bad ? { ok: false, reason: `${host} resolves to a non-public address (${bad.address})` } : { ok: true, url };
}

/**
 * A `lookup` for node:http that refuses non-public answers at connection time, so a host that
 * passed the check cannot be re-pointed at an internal address (DNS rebinding).
 */
export function guardedLookup(resolve: Resolver = defaultResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        const bad = wanted.find((a) => !isPublicAddress(a.address));
        if (bad || wanted.length === 0) {
          const err = Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: "ENOTPUBLIC" });
          return callback(err, "", 4);
        }
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 4),
    );
  };
}
