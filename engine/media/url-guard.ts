/**
 * Hostile URLs (SSRF): the engine fetches URLs its clients name, so a client could point it at the
 * machine itself, the local network or a cloud metadata service. `createGuardedFetch` is the fetch
 * the engine uses for media: http(s) only, every hop of a redirect chain (followed here, at most 5)
 * resolved and checked, and the connection made to the address that was checked (the `lookup` of
 * the request answers with it), so a name that resolves elsewhere the second time (DNS rebinding)
 * cannot slip through. `ENGINE_URL_ALLOWLIST` names hosts, addresses or CIDRs that may be fetched
 * anyway (a local file server in tests, a NAS at home).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { StatusCode } from '../../contract/clarifai';
import { MediaError } from './media-error';

export const MAX_REDIRECTS = 5;

/** Names that are metadata services whatever they resolve to. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '169.254.170.2']);

/** Ranges refused by default, most specific first (the first match names the reason). */
const RANGES: readonly { readonly cidr: string; readonly kind: string }[] = [
  { cidr: '0.0.0.0/8', kind: 'an unspecified' },
  { cidr: '127.0.0.0/8', kind: 'a loopback' },
  { cidr: '10.0.0.0/8', kind: 'a private' },
  { cidr: '172.16.0.0/12', kind: 'a private' },
  { cidr: '192.168.0.0/16', kind: 'a private' },
  { cidr: '100.64.0.0/10', kind: 'a shared (carrier-grade NAT)' },
  { cidr: '169.254.0.0/16', kind: 'a link-local' },
  { cidr: '224.0.0.0/4', kind: 'a multicast' },
  { cidr: '240.0.0.0/4', kind: 'a reserved' },
  { cidr: '::/128', kind: 'an unspecified' },
  { cidr: '::1/128', kind: 'a loopback' },
  { cidr: 'fe80::/10', kind: 'a link-local' },
  { cidr: 'fc00::/7', kind: 'a unique-local (private)' },
  { cidr: 'ff00::/8', kind: 'a multicast' },
];

const RANGE_LISTS = RANGES.map(({ cidr, kind }) => ({ kind, list: blockListOf([cidr]) }));

function blockListOf(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', bits] = cidr.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/**
 * An IPv6 address that carries an IPv4 one is judged as that IPv4 address: mapped
 * (`::ffff:10.0.0.1`, also written `::ffff:a00:1`), NAT64 (`64:ff9b::10.0.0.1`) and the old
 * IPv4-compatible form (`::10.0.0.1`).
 */
function unmap(address: string): string {
  const lower = address.toLowerCase();
  if (isIP(lower) !== 6) return lower;
  const words = ipv6Words(lower);
  if (!words) return lower;
  const prefix = words.slice(0, 6);
  const zeros = (from: number, to: number) => prefix.slice(from, to).every((word) => word === 0);
  const mapped = zeros(0, 5) && prefix[5] === 0xffff;
  const nat64 = prefix[0] === 0x64 && prefix[1] === 0xff9b && zeros(2, 6);
  const compatible = zeros(0, 6) && (words[6] ?? 0) !== 0;
  if (!mapped && !nat64 && !compatible) return lower;
  const [high = 0, low = 0] = words.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit words of a valid IPv6 address (`::` expanded, a dotted IPv4 tail read). */
function ipv6Words(address: string): number[] | undefined {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${(((a ?? 0) << 8) | (b ?? 0)).toString(16)}:${(((c ?? 0) << 8) | (d ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (chunk: string) => (chunk === '' ? [] : chunk.split(':').map((word) => parseInt(word, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const fill = 8 - left.length - right.length;
  if (fill < 0 || (tail === undefined && fill !== 0)) return undefined;
  return [...left, ...Array<number>(fill).fill(0), ...right];
}

/**
 * Why an address may not be fetched ("a private", "cloud metadata"...), or undefined for a public
 * address. Pure: no allow-list here.
 */
export function forbiddenKind(address: string): string | undefined {
  const ip = unmap(address);
  const family = isIP(ip);
  if (family === 0) return 'not an IP';
  if (METADATA_ADDRESSES.has(ip)) return 'a cloud metadata';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (type === 'ipv4' && ip === '255.255.255.255') return 'a broadcast';
  return RANGE_LISTS.find(({ list }) => list.check(ip, type))?.kind;
}

/** Parsed `ENGINE_URL_ALLOWLIST`: hosts and addresses/CIDRs, each optionally with a port. */
export interface AllowList {
  readonly entries: readonly AllowEntry[];
}

type AllowEntry =
  | { readonly kind: 'host'; readonly host: string; readonly port?: number }
  | {
      readonly kind: 'net';
      readonly list: BlockList;
      readonly family: 'ipv4' | 'ipv6';
      readonly port?: number;
    };

export const EMPTY_ALLOW_LIST: AllowList = { entries: [] };

/**
 * `127.0.0.1, 10.0.0.0/8, [::1]:8080, nas.local, 127.0.0.1:5000`. A port limits the entry to it;
 * a host name allows that name whatever it resolves to. Throws on an entry it cannot read, so a
 * typo is not silently ignored.
 */
export function parseAllowList(raw: string | readonly string[] | undefined): AllowList {
  const items = (typeof raw === 'string' ? raw.split(',') : (raw ?? []))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return { entries: items.map(parseAllowEntry) };
}

function parseAllowEntry(item: string): AllowEntry {
  let host = item.toLowerCase();
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (bracketed) {
    host = bracketed[1] ?? '';
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else if (isIP(host.split('/')[0] ?? '') !== 6) {
    const withPort = /^(.*):(\d+)$/.exec(host);
    if (withPort) {
      host = withPort[1] ?? '';
      port = Number(withPort[2]);
    }
  }
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`ENGINE_URL_ALLOWLIST: "${item}" has an invalid port`);
  }
  const withPort = port !== undefined ? { port } : {};
  const [address = '', bits] = host.split('/');
  const family = isIP(address);
  if (family !== 0) {
    const type = family === 6 ? 'ipv6' : 'ipv4';
    const max = family === 6 ? 128 : 32;
    if (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max)) {
      throw new Error(`ENGINE_URL_ALLOWLIST: "${item}" has an invalid prefix length`);
    }
    return { kind: 'net', list: blockListOf([host]), family: type, ...withPort };
  }
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)) {
    throw new Error(`ENGINE_URL_ALLOWLIST: "${item}" is not a host name, address or CIDR`);
  }
  return { kind: 'host', host, ...withPort };
}

function portMatches(entry: AllowEntry, port: number): boolean {
  return entry.port === undefined || entry.port === port;
}

export function allowsHost(allow: AllowList, host: string, port: number): boolean {
  const name = host.toLowerCase();
  return allow.entries.some(
    (entry) => entry.kind === 'host' && entry.host === name && portMatches(entry, port),
  );
}

export function allowsAddress(allow: AllowList, address: string, port: number): boolean {
  const ip = unmap(address);
  const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return allow.entries.some(
    (entry) =>
      entry.kind === 'net' && entry.family === type && portMatches(entry, port) && entry.list.check(ip, type),
  );
}

export type Resolve = (host: string) => Promise<readonly { address: string; family: number }[]>;

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/** The URL's host without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * The address to connect to for `url`, after checking it; throws a MediaError that says why not.
 * Every address the name resolves to must pass (a mixed answer is how rebinding is tried).
 */
export async function checkedAddress(
  url: URL,
  allow: AllowList,
  resolve: Resolve = systemResolve,
): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MediaError(
      StatusCode.INPUT_INVALID_URL,
      `only http and https URLs can be fetched, not ${url.protocol}`,
    );
  }
  const host = hostOf(url);
  const port = portOf(url);
  const hostAllowed = allowsHost(allow, host, port);
  const hint = 'set ENGINE_URL_ALLOWLIST to allow it';
  if (!hostAllowed && METADATA_NAMES.has(host.toLowerCase())) {
    throw new MediaError(
      StatusCode.INPUT_DOWNLOAD_FAILED,
      `refused: ${host} is a cloud metadata service; ${hint}`,
    );
  }
  let addresses: readonly { address: string; family: number }[];
  const literal = isIP(host);
  if (literal !== 0) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MediaError(
        StatusCode.INPUT_DOWNLOAD_FAILED,
        `download of ${url.href} failed: ${host} could not be resolved (${reason})`,
        { cause: error },
      );
    }
    if (addresses.length === 0) {
      throw new MediaError(
        StatusCode.INPUT_DOWNLOAD_FAILED,
        `download of ${url.href} failed: ${host} has no address`,
      );
    }
  }
  if (!hostAllowed) {
    for (const { address } of addresses) {
      const kind = forbiddenKind(address);
      if (kind === undefined || allowsAddress(allow, address, port)) continue;
      const named = literal !== 0 ? address : `${host} resolves to ${address}, which`;
      throw new MediaError(StatusCode.INPUT_DOWNLOAD_FAILED, `refused: ${named} is ${kind} address; ${hint}`);
    }
  }
  const [first] = addresses;
  if (!first) throw new MediaError(StatusCode.INPUT_DOWNLOAD_FAILED, `${host} has no address`);
  return { address: first.address, family: isIP(first.address) };
}

export interface GuardOptions {
  readonly allow?: AllowList;
  readonly resolve?: Resolve;
  readonly maxRedirects?: number;
}

/**
 * A `fetch` for media URLs: GET only, redirects followed here (every hop checked), the connection
 * pinned to the checked address. Refusals are MediaErrors (30106 for a scheme, 30002 otherwise).
 */
export function createGuardedFetch(options: GuardOptions = {}): typeof globalThis.fetch {
  const allow = options.allow ?? EMPTY_ALLOW_LIST;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : input.toString());
    const signal = init?.signal ?? undefined;
    for (let hop = 0; ; hop++) {
      let target: { address: string; family: number };
      try {
        target = await checkedAddress(url, allow, options.resolve);
      } catch (error) {
        if (hop > 0 && error instanceof MediaError) {
          throw new MediaError(error.code, `redirect ${hop} to ${url.href}: ${error.message}`, {
            cause: error,
          });
        }
        throw error;
      }
      const response = await requestPinned(url, target, signal);
      const location = response.headers.location;
      if (
        response.statusCode !== undefined &&
        response.statusCode >= 300 &&
        response.statusCode < 400 &&
        location
      ) {
        response.resume();
        if (hop + 1 > maxRedirects) {
          throw new MediaError(
            StatusCode.INPUT_DOWNLOAD_FAILED,
            `download failed: more than ${maxRedirects} redirects`,
          );
        }
        try {
          url = new URL(location, url);
        } catch {
          throw new MediaError(
            StatusCode.INPUT_INVALID_URL,
            `redirect to an invalid URL: ${location.slice(0, 80)}`,
          );
        }
        continue;
      }
      return toResponse(response);
    }
  };
}

function requestPinned(
  url: URL,
  target: { address: string; family: number },
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  // Node asks `lookup` for the host's address; it only ever hears the one that was checked.
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'GET',
        lookup,
        agent: false,
        headers: { 'user-agent': 'workflow-lens-engine', accept: '*/*' },
        ...(signal ? { signal } : {}),
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** The body as a web stream, with backpressure: the socket is paused while the reader is behind. */
function webStream(message: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      message.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 1) <= 0) message.pause();
      });
      message.on('end', () => {
        if (open) controller.close();
        open = false;
      });
      message.on('error', (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    pull() {
      message.resume();
    },
    cancel() {
      open = false;
      message.destroy();
    },
  });
}

const NULL_BODY = new Set([101, 204, 205, 304]);

function toResponse(message: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const status = message.statusCode ?? 502;
  if (NULL_BODY.has(status)) message.resume();
  const body = NULL_BODY.has(status) ? null : webStream(message);
  return new Response(body, { status: status < 200 || status > 599 ? 502 : status, headers });
}
