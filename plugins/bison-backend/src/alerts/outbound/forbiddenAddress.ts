import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be connected to (loopback, private, link-local,
 * unique-local, multicast, reserved, IPv4-mapped ...), or undefined for a
 * public unicast address. The same rule as the connect-time agent's.
 */
export function forbiddenAddressReason(address: string): string | undefined {
  const range = ipaddr.parse(address).range();
  return range === 'unicast' ? undefined : `${address} is a ${range} address`;
}
