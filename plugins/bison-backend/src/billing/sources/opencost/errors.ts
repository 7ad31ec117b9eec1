/**
 * OpenCost answered, but not with usage we can bill: an HTTP error, an
 * error envelope, a body that is not the allocation API's, or a request that
 * failed or timed out. The billing window is retried later.
 */
export class OpenCostResponseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`OpenCost: ${message}`, options);
    this.name = 'OpenCostResponseError';
  }
}

/**
 * OpenCost does not (yet) have data for the whole window, typically because
 * its Prometheus has not caught up. The billing window is retried later.
 */
export class UsageNotYetAvailableError extends Error {
  constructor(message: string) {
    super(`Usage not yet available: ${message}`);
    this.name = 'UsageNotYetAvailableError';
  }
}
