/**
 * The URL guard. No traffic leaves loopback: refused addresses are refused before any connection,
 * public names are answered by a planted resolver, and the servers are on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from './media-error';
import { checkedAddress, createGuardedFetch, forbiddenKind, parseAllowList, type Resolve } from './url-guard';

describe('forbiddenKind', () => {
  it.each([
    ['127.0.0.1', 'a loopback'],
    ['127.255.1.2', 'a loopback'],
    ['::1', 'a loopback'],
    ['10.0.0.5', 'a private'],
    ['172.16.0.1', 'a private'],
    ['172.31.255.255', 'a private'],
    ['192.168.1.1', 'a private'],
    ['169.254.1.1', 'a link-local'],
    ['fe80::1', 'a link-local'],
    ['fc00::1', 'a unique-local (private)'],
    ['fd12:3456::1', 'a unique-local (private)'],
    ['0.0.0.0', 'an unspecified'],
    ['::', 'an unspecified'],
    ['224.0.0.1', 'a multicast'],
    ['ff02::1', 'a multicast'],
    ['169.254.169.254', 'a cloud metadata'],
    ['fd00:ec2::254', 'a cloud metadata'],
    ['::ffff:10.0.0.1', 'a private'],
    ['::ffff:127.0.0.1', 'a loopback'],
    ['::ffff:7f00:1', 'a loopback'],
    ['::ffff:a9fe:a9fe', 'a cloud metadata'],
    ['0:0:0:0:0:ffff:a00:1', 'a private'],
    ['64:ff9b::10.0.0.1', 'a private'],
    ['64:ff9b::a9fe:a9fe', 'a cloud metadata'],
    ['::127.0.0.1', 'a loopback'],
    ['255.255.255.255', 'a broadcast'],
    ['100.64.0.1', 'a shared (carrier-grade NAT)'],
  ])('refuses %s as %s address', (address, kind) => {
    expect(forbiddenKind(address)).toBe(kind);
  });

  it.each([
    ['http://2130706433/', 'a loopback'],
    ['http://0x7f.1/', 'a loopback'],
    ['http://127.1/', 'a loopback'],
    ['http://[::ffff:169.254.169.254]/', 'a cloud metadata'],
  ])('sees through the spelling of %s (%s)', (raw, kind) => {
    // The URL parser normalises these; the guard judges what it produced.
    expect(forbiddenKind(new URL(raw).hostname.replace(/^\[(.*)\]$/, '$1'))).toBe(kind);
  });

  it.each([
    '64:ff9b::808:808',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '2606:4700::1111',
    '11.0.0.1',
  ])('lets the public address %s through', (address) => {
    expect(forbiddenKind(address)).toBeUndefined();
  });
});

describe('parseAllowList', () => {
  it('reads hosts, addresses, CIDRs and ports, and refuses what it cannot read', () => {
    expect(
      parseAllowList('127.0.0.1, 10.0.0.0/8,[::1]:8080, nas.local ,127.0.0.1:5000').entries,
    ).toHaveLength(5);
    expect(parseAllowList(undefined).entries).toEqual([]);
    expect(() => parseAllowList('10.0.0.0/99')).toThrow(/prefix/);
    expect(() => parseAllowList('http://x')).toThrow(/not a host/);
    expect(() => parseAllowList('127.0.0.1:99999')).toThrow(/port/);
  });
});

async function refusal(promise: Promise<unknown>): Promise<MediaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MediaError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const nowhere: Resolve = () => Promise.reject(new Error('no DNS in this test'));

describe('checkedAddress', () => {
  it('refuses private addresses with the reason and the setting to change', async () => {
    const error = await refusal(
      checkedAddress(new URL('http://10.0.0.5/a.png'), parseAllowList(''), nowhere),
    );
    expect(error.code).toBe(30002);
    expect(error.message).toBe(
      'refused: 10.0.0.5 is a private address; set ENGINE_URL_ALLOWLIST to allow it',
    );
  });

  it('refuses a public name that resolves to a private address', async () => {
    const resolve: Resolve = async () => [{ address: '192.168.0.10', family: 4 }];
    const error = await refusal(
      checkedAddress(new URL('https://images.example.com/a.png'), parseAllowList(''), resolve),
    );
    expect(error.message).toBe(
      'refused: images.example.com resolves to 192.168.0.10, which is a private address; set ENGINE_URL_ALLOWLIST to allow it',
    );
  });

  it('refuses a name when any of its addresses is refused (a mixed answer is a rebinding attempt)', async () => {
    const resolve: Resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const error = await refusal(
      checkedAddress(new URL('http://mixed.example.com/'), parseAllowList(''), resolve),
    );
    expect(error.message).toMatch(/resolves to 127\.0\.0\.1, which is a loopback address/);
  });

  it('pins the address a public name resolved to', async () => {
    const resolve: Resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await expect(
      checkedAddress(new URL('http://example.com/'), parseAllowList(''), resolve),
    ).resolves.toEqual({
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('refuses metadata names, IPv6 literals and other schemes', async () => {
    const allow = parseAllowList('');
    expect(
      (await refusal(checkedAddress(new URL('http://metadata.google.internal/'), allow, nowhere))).message,
    ).toMatch(/metadata\.google\.internal is a cloud metadata service/);
    expect((await refusal(checkedAddress(new URL('http://[::1]:80/'), allow, nowhere))).message).toMatch(
      /::1 is a loopback address/,
    );
    expect(
      (await refusal(checkedAddress(new URL('http://[fd00:ec2::254]/'), allow, nowhere))).message,
    ).toMatch(/cloud metadata address/);
    expect((await refusal(checkedAddress(new URL('file:///etc/passwd'), allow, nowhere))).code).toBe(30106);
  });

  it('lets the allow-list name hosts, addresses and ports', async () => {
    const resolve: Resolve = async () => [{ address: '10.1.2.3', family: 4 }];
    await expect(
      checkedAddress(new URL('http://nas.local/x'), parseAllowList('nas.local'), resolve),
    ).resolves.toEqual({
      address: '10.1.2.3',
      family: 4,
    });
    await expect(
      checkedAddress(new URL('http://10.9.9.9/'), parseAllowList('10.0.0.0/8'), nowhere),
    ).resolves.toBeDefined();
    await expect(
      checkedAddress(new URL('http://127.0.0.1:5000/'), parseAllowList('127.0.0.1:5000'), nowhere),
    ).resolves.toBeDefined();
    const otherPort = await refusal(
      checkedAddress(new URL('http://127.0.0.1:5001/'), parseAllowList('127.0.0.1:5000'), nowhere),
    );
    expect(otherPort.message).toMatch(/127\.0\.0\.1 is a loopback address/);
  });
});

describe('createGuardedFetch against loopback servers', () => {
  let servers: Server[] = [];
  let base: (server: Server) => string;
  let files: Server;
  let redirecting: Server;
  let chain: Server;
  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    base = (server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    files = await listen(
      createServer((request, response) => {
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(`served ${request.url}`);
      }),
    );
    redirecting = await listen(
      createServer((_request, response) => {
        response.writeHead(302, { location: `${base(files)}/moved.png` });
        response.end();
      }),
    );
    chain = await listen(
      createServer((request, response) => {
        const hop = Number(request.url?.slice(1) || '0');
        response.writeHead(302, { location: `/${hop + 1}` });
        response.end();
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    servers = [];
  });

  const port = (server: Server) => (server.address() as AddressInfo).port;

  it('fetches an allowed loopback server', async () => {
    const fetch = createGuardedFetch({ allow: parseAllowList(`127.0.0.1:${port(files)}`) });
    const response = await fetch(`${base(files)}/a.png`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('served /a.png');
  });

  it('follows an allowed redirect, checking the second hop too', async () => {
    const both = createGuardedFetch({
      allow: parseAllowList(`127.0.0.1:${port(redirecting)},127.0.0.1:${port(files)}`),
    });
    expect(await (await both(`${base(redirecting)}/x`)).text()).toBe('served /moved.png');

    const firstOnly = createGuardedFetch({ allow: parseAllowList(`127.0.0.1:${port(redirecting)}`) });
    const error = await refusal(firstOnly(`${base(redirecting)}/x`));
    expect(error.code).toBe(30002);
    expect(error.message).toBe(
      `redirect 1 to ${base(files)}/moved.png: refused: 127.0.0.1 is a loopback address; set ENGINE_URL_ALLOWLIST to allow it`,
    );
  });

  it('stops after 5 redirects', async () => {
    const fetch = createGuardedFetch({ allow: parseAllowList(`127.0.0.1:${port(chain)}`) });
    const error = await refusal(fetch(`${base(chain)}/0`));
    expect(error.message).toBe('download failed: more than 5 redirects');
  });

  it('connects to the checked address, not to a second lookup', async () => {
    // The planted resolver answers once with the allowed loopback server; the name would not
    // resolve at all a second time, so the only way to succeed is the pinned address.
    let lookups = 0;
    const resolve: Resolve = async () => {
      lookups++;
      if (lookups > 1) throw new Error('second lookup');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const fetch = createGuardedFetch({ allow: parseAllowList(`127.0.0.1:${port(files)}`), resolve });
    const response = await fetch(`http://files.example.invalid:${port(files)}/pinned.png`);
    expect(await response.text()).toBe('served /pinned.png');
    expect(lookups).toBe(1);
  });
});
