/**
 * A destination the outbound rules refuse. The message names the scheme,
 * host and port only: paths and queries of webhook URLs carry tokens.
 */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

export function describeDestination(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
