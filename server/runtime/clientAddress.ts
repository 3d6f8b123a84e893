// The client's address, the key of every per-address budget (trainer logins, wrong join codes,
// session starts). Behind a load balancer the TCP peer is always the balancer, and a budget per peer
// becomes one budget for everybody. With TRUST_PROXY the address is read from X-Forwarded-For instead,
// from the right: each proxy appends the address it got the request from, so the right-most entries
// are the ones our own proxies wrote, and everything left of them is whatever the client chose to
// send. With a list of proxies, a header is only read when the peer itself is on it, and never
// further left than the trust reaches. A hop count cannot tell a proxy from a client that connects
// directly: it is only safe where nothing reaches a node except through the proxies (the server
// warns at start when it is used).
import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

export type TrustProxy =
  /** the TCP peer is the client (no proxy, or the header is ignored) */
  | { kind: 'off' }
  /** this many proxies in front of the server, each appending to X-Forwarded-For */
  | { kind: 'hops'; hops: number }
  /** the proxies are the peers in this list (addresses and CIDR ranges) */
  | { kind: 'proxies'; proxies: BlockList };

export const TRUST_NONE: TrustProxy = { kind: 'off' };
/** More proxies in a row than this is a mistake in the setting, not a deployment. */
export const MAX_PROXY_HOPS = 10;

export const TRUST_PROXY_FORMAT = `off, a number of proxy hops from 1 to ${MAX_PROXY_HOPS}, or a comma-separated list of proxy addresses or CIDR ranges (10.0.0.0/8, fd00::/8)`;

/** Reads the TRUST_PROXY setting; throws a RangeError saying what is wrong. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = (raw ?? '').trim().toLowerCase();
  if (text === '' || text === 'off' || text === 'false' || text === '0') return TRUST_NONE;
  // Express's `true` (believe the left-most entry) lets any client pick its own address.
  if (text === 'true') throw new RangeError(`"true" would let any client choose its address; use ${TRUST_PROXY_FORMAT}`);
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_PROXY_HOPS) throw new RangeError(`must be ${TRUST_PROXY_FORMAT} (got "${raw}")`);
    return { kind: 'hops', hops };
  }
  const proxies = new BlockList();
  for (const entry of text.split(',').map((e) => e.trim())) {
    const problem = addProxy(proxies, entry);
    if (problem) throw new RangeError(`${problem} in "${raw}"; use ${TRUST_PROXY_FORMAT}`);
  }
  return { kind: 'proxies', proxies };
}

/** Adds one address or CIDR range; returns what is wrong with it, if anything. */
function addProxy(proxies: BlockList, entry: string): string | undefined {
  const [base = '', prefixText, extra] = entry.split('/');
  const address = normalizeAddress(base);
  if (address === undefined || extra !== undefined) return `"${entry}" is not an address or CIDR range`;
  const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) {
    proxies.addAddress(address, family);
    return undefined;
  }
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  // A /0 trusts every peer: the same as `true`.
  if (!(prefix >= 1 && prefix <= (family === 'ipv4' ? 32 : 128))) return `"${entry}" has no valid prefix length (from 1 to ${family === 'ipv4' ? 32 : 128})`;
  proxies.addSubnet(address, prefix, family);
  return undefined;
}

/**
 * The address the per-address budgets key on. `peer` is the TCP peer (req.socket.remoteAddress,
 * socket.handshake.address), `headers` the request's. Without trust, or from a peer that is not a
 * trusted proxy, the peer. Otherwise X-Forwarded-For is walked from the right past trusted proxies
 * (`hops`: exactly that many, the peer being the first); an entry that is no address ends the walk at
 * the last address that was one, so a broken header can never choose the key.
 */
export function clientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trust: TrustProxy): string {
  let client = normalizeAddress(peer ?? '');
  if (client === undefined) return 'unknown';
  if (trust.kind === 'off') return client;
  const forwarded = forwardedFor(headers['x-forwarded-for']);
  for (let hop = 1; ; hop++) {
    const trusted = trust.kind === 'hops' ? hop <= trust.hops : isProxy(trust.proxies, client);
    const next = forwarded[hop - 1];
    if (!trusted || next === undefined) return client;
    const address = normalizeAddress(next);
    if (address === undefined) return client;
    client = address;
  }
}

/** X-Forwarded-For's entries, right-most first (Node joins repeated headers with commas, in order). */
function forwardedFor(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(',') : header;
  return text.split(',').map((e) => e.trim()).reverse();
}

function isProxy(proxies: BlockList, address: string): boolean {
  return proxies.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * One spelling per address, so one client is one budget: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as a
 * dual-stack socket reports IPv4 peers) as plain IPv4, IPv6 lower-case and compressed, no zone, and
 * the port and brackets some proxies add (`1.2.3.4:5678`, `[::1]:443`) dropped. Undefined: not an address.
 */
export function normalizeAddress(raw: string): string | undefined {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1] as string;
  else {
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
    if (withPort) text = withPort[1] as string;
  }
  text = text.replace(/%[\w.-]+$/, '');
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return undefined;
  // The URL parser writes IPv6 in its canonical form (RFC 5952), the mapped IPv4 part in hex.
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1] as string, 16);
  const low = parseInt(mapped[2] as string, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
