import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { AllowedHosts, isAddressAllowed, isHostAllowed } from './allowedHosts';
import { forbiddenAddressReason } from './forbiddenAddress';
import {
  describeDestination,
  OutboundRefusedError,
} from './OutboundRefusedError';

export interface OutboundPolicy {
  allowedHosts: AllowedHosts;
  /** Resolves host names; `dns.lookup` unless a test gives its own. */
  lookup?: LookupFunction;
}

const SCHEMES = new Set(['https:', 'http:', 'smtp:']);

/**
 * Parses a destination and applies the rules that need no DNS: a known
 * scheme, http only to allow-listed hosts, no forbidden IP literal.
 */
export function parseDestination(text: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutboundRefusedError('it is not a valid URL');
  }
  const where = describeDestination(url);
  if (!SCHEMES.has(url.protocol)) {
    throw new OutboundRefusedError(`${where}: only https is allowed`);
  }
  const host = hostOf(url);
  const allowed = isHostAllowed(host, policy.allowedHosts);
  if (url.protocol === 'http:' && !allowed) {
    throw new OutboundRefusedError(
      `${where}: only https is allowed unless the host is in bison.alerts.allowedHosts`,
    );
  }
  if (!allowed && isIP(host)) {
    const reason = forbiddenAddressReason(host);
    if (reason) throw new OutboundRefusedError(`${where}: ${reason}`);
  }
  return url;
}

/**
 * Checks a destination as a channel is saved: the rules above, and every
 * address its host resolves to now. Sending checks again at connect time.
 */
export async function checkDestination(
  text: string,
  policy: OutboundPolicy,
): Promise<void> {
  const url = parseDestination(text, policy);
  await resolveAllowedAddress(hostOf(url), policy, describeDestination(url));
}

/**
 * One address of `host` that may be connected to, for protocols the HTTP
 * agent does not cover (SMTP). Refuses when any address is forbidden, as
 * the agent does, so both paths agree.
 */
export async function resolveAllowedAddress(
  host: string,
  policy: OutboundPolicy,
  where: string = host,
): Promise<string> {
  const allowedByName = isHostAllowed(host, policy.allowedHosts);
  if (isIP(host)) {
    const reason = allowedByName ? undefined : forbiddenAddressReason(host);
    if (reason) throw new OutboundRefusedError(`${where}: ${reason}`);
    return host;
  }
  const addresses = await lookupAll(host, policy.lookup).catch(error => {
    throw new OutboundRefusedError(
      `${where}: the host could not be resolved (${
        error.code ?? error.message
      })`,
    );
  });
  if (!allowedByName) {
    for (const { address } of addresses) {
      const reason = isAddressAllowed(address, policy.allowedHosts)
        ? undefined
        : forbiddenAddressReason(address);
      if (reason) {
        throw new OutboundRefusedError(`${where}: resolves to ${reason}`);
      }
    }
  }
  return addresses[0].address;
}

export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function lookupAll(
  host: string,
  lookup: LookupFunction = dnsLookup as unknown as LookupFunction,
): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(host, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else if (!Array.isArray(addresses) || addresses.length === 0) {
        reject(Object.assign(new Error('no address'), { code: 'ENODATA' }));
      } else resolve(addresses);
    });
  });
}
