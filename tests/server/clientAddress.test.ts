// clientAddress: the key of the per-address budgets. Off, it is the peer; behind trusted proxies it is
// read from X-Forwarded-For from the right, and nothing a client writes into that header itself
// (through a proxy that appends, or straight to the server) may choose it.
import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, parseTrustProxy, TRUST_NONE } from '../../server/runtime/clientAddress.ts';
import { ConfigError, readConfig } from '../../server/runtime/config.ts';

const xff = (value: string | string[]) => ({ 'x-forwarded-for': value });
const oneHop = parseTrustProxy('1');
const lan = parseTrustProxy('10.0.0.0/8, 192.168.1.7, fd00::/8');

describe('clientAddress', () => {
  it('is the peer when trust is off, whatever the header says', () => {
    expect(clientAddress('10.0.0.5', xff('203.0.113.9'), TRUST_NONE)).toBe('10.0.0.5');
    expect(clientAddress('::ffff:127.0.0.1', {}, TRUST_NONE)).toBe('127.0.0.1');
    expect(clientAddress(undefined, xff('203.0.113.9'), oneHop)).toBe('unknown');
  });

  it('takes the entry the trusted hops wrote, not the ones the client sent before them', () => {
    // The proxy appends the peer it saw: "what the client sent, its real address".
    expect(clientAddress('10.0.0.5', xff('203.0.113.9'), oneHop)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', xff('1.1.1.1, 2.2.2.2, 203.0.113.9'), oneHop)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', xff(['1.1.1.1', '203.0.113.9']), oneHop)).toBe('203.0.113.9');
    // Two proxies: the outer one's entry is the client, the inner one's is the outer proxy.
    expect(clientAddress('10.0.0.5', xff('6.6.6.6, 203.0.113.9, 10.0.0.9'), parseTrustProxy('2'))).toBe('203.0.113.9');
    // No header: reached without the proxy, or a proxy that adds none; the peer.
    expect(clientAddress('10.0.0.5', {}, oneHop)).toBe('10.0.0.5');
    // Fewer entries than hops: the furthest one there is.
    expect(clientAddress('10.0.0.5', xff('203.0.113.9'), parseTrustProxy('3'))).toBe('203.0.113.9');
  });

  it('reads the header only from a listed proxy, and only as far as listed proxies go', () => {
    expect(clientAddress('198.51.100.4', xff('6.6.6.6'), lan)).toBe('198.51.100.4');
    expect(clientAddress('10.1.2.3', xff('6.6.6.6, 203.0.113.9'), lan)).toBe('203.0.113.9');
    // Through two listed proxies, stopping at the first address that is not one.
    expect(clientAddress('10.1.2.3', xff('6.6.6.6, 203.0.113.9, 192.168.1.7'), lan)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:10.1.2.3', xff('2001:db8::1'), lan)).toBe('2001:db8::1');
    expect(clientAddress('fd00::1', xff('203.0.113.9'), lan)).toBe('203.0.113.9');
    // A client writing a proxy's address into the header gains nothing: it is the next entry left.
    expect(clientAddress('10.1.2.3', xff('192.168.1.7, 203.0.113.9'), lan)).toBe('203.0.113.9');
    // Every entry a proxy: the left-most.
    expect(clientAddress('10.1.2.3', xff('10.9.9.9, 192.168.1.7'), lan)).toBe('10.9.9.9');
  });

  it('never lets a malformed entry be the key: the walk stops at the last real address', () => {
    for (const bad of ['', ' ', 'unknown', 'evil, ', '1.2.3.4, not-an-ip', '999.1.1.1', '1.2.3.4 5.6.7.8', ',,,', '_hidden']) {
      const got = clientAddress('10.0.0.5', xff(bad), oneHop);
      expect(got, bad).toBe('10.0.0.5');
    }
    expect(clientAddress('10.1.2.3', xff('203.0.113.9, junk, 10.0.0.7'), lan)).toBe('10.0.0.7');
    expect(clientAddress('10.0.0.5', xff('x'.repeat(10_000)), oneHop)).toBe('10.0.0.5');
  });

  it('spells one address one way: mapped IPv4, IPv6 case and zeros, ports, brackets, zones', () => {
    expect(clientAddress('10.0.0.5', xff('::ffff:203.0.113.9'), oneHop)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', xff('::FFFF:cb00:7109'), oneHop)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', xff('2001:DB8:0:0::1'), oneHop)).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.5', xff('[2001:db8::1]:443'), oneHop)).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.5', xff('203.0.113.9:51234'), oneHop)).toBe('203.0.113.9');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('::1')).toBe('::1');
    for (const bad of ['1.2.3.4:', '[1.2.3.4', '[::1]:x', '::1:443:']) expect(normalizeAddress(bad), bad).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  const trustOf = (value: string | undefined) => readConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

  it('is off by default and for off, false, 0 and blank', () => {
    for (const value of [undefined, '', 'off', 'false', '0', ' OFF ']) expect(trustOf(value)).toEqual({ kind: 'off' });
  });

  it('takes a number of hops or a list of proxies', () => {
    expect(trustOf('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(trustOf('10.0.0.0/8,::1').kind).toBe('proxies');
  });

  it('stops the start with a message naming the variable for anything else', () => {
    for (const value of ['true', '11', '-1', '1.5', 'proxy.local', '10.0.0.0/33', '10.0.0.0/0', '::/0', '10.0.0.1,', '10.0.0.0/8/8', 'fd00::/x']) {
      expect(() => trustOf(value), value).toThrow(ConfigError);
      expect(() => trustOf(value), value).toThrow(/^TRUST_PROXY /);
    }
  });
});
