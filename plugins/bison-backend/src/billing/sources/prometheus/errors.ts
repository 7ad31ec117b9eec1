/**
 * Prometheus could not be asked, or did not answer with usage we can bill:
 * the request failed or timed out, an HTTP error, an error envelope (e.g. a
 * bad query), warnings (partial data), or a body that is not an instant
 * vector of finite, non-negative numbers. The billing window is retried later.
 */
export class PrometheusQueryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`Prometheus: ${message}`, options);
    this.name = 'PrometheusQueryError';
  }
}

/**
 * Prometheus answered, but does not (yet) hold the data of the whole window:
 * the window is in the future, Prometheus has not ingested past its end, or
 * kube-state-metrics was not visible at every minute of it. Answering "no
 * usage" would under-charge, so the billing window is retried later.
 */
export class PrometheusDataNotAvailableError extends Error {
  constructor(message: string) {
    super(`Usage not available from Prometheus: ${message}`);
    this.name = 'PrometheusDataNotAvailableError';
  }
}
