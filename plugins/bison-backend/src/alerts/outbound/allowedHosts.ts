import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * `bison.alerts.allowedHosts`, parsed: internal receivers that may be
 * reached over http and at any address. Entries are exact host names,
 * `*.example.com` (any subdomain), IP addresses or CIDR ranges.
 */
export interface AllowedHosts {
  names: ReadonlySet<string>;
  suffixes: readonly string[];
  ranges: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  /** The IP and CIDR entries as given, for the connect-time check. */
  addressList: readonly string[];
}

export function parseAllowedHosts(entries: readonly string[]): AllowedHosts {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  const addressList: string[] = [];
  entries.forEach((raw, index) => {
    const entry = raw.trim().toLowerCase();
    if (isIP(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      addressList.push(entry);
    } else if (entry.includes('/')) {
      try {
        ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new Error(
          `bison.alerts.allowedHosts[${index}] '${raw}' is not a valid CIDR range`,
        );
      }
      addressList.push(entry);
    } else if (entry.startsWith('*.') && isHostName(entry.slice(2))) {
      suffixes.push(entry.slice(1));
    } else if (isHostName(entry)) {
      names.add(entry);
    } else {
      throw new Error(
        `bison.alerts.allowedHosts[${index}] '${raw}' is not a host name, '*.domain', IP address or CIDR range`,
      );
    }
  });
  return { names, suffixes, ranges, addressList };
}

export const NO_ALLOWED_HOSTS: AllowedHosts = parseAllowedHosts([]);

function isHostName(value: string): boolean {
  return /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(
    value,
  );
}

/** The host (name or IP literal, without brackets) is listed by name or range. */
export function isHostAllowed(host: string, allowed: AllowedHosts): boolean {
  const name = host.toLowerCase();
  if (isIP(name)) return isAddressAllowed(name, allowed);
  return (
    allowed.names.has(name) ||
    allowed.suffixes.some(suffix => name.endsWith(suffix))
  );
}

export function isAddressAllowed(
  address: string,
  allowed: AllowedHosts,
): boolean {
  const parsed = ipaddr.parse(address);
  return allowed.ranges.some(
    ([range, bits]) =>
      parsed.kind() === range.kind() && parsed.match(range, bits),
  );
}
