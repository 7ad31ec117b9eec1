import { Config, readDurationFromConfig } from '@backstage/config';

const SECTION = 'bison.billing.opencost';

/** The default allocation endpoint, below `baseUrl`. */
export const DEFAULT_ALLOCATION_PATH = '/allocation';
/** One request may take this long unless `timeout` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Where and how to reach OpenCost, from `bison.billing.opencost`. */
export interface OpenCostSettings {
  /** Base URL without trailing slash, e.g. `http://opencost.opencost:9003`. */
  baseUrl: string;
  /** Allocation endpoint below baseUrl: `/allocation` or `/allocation/compute`. */
  allocationPath: string;
  timeoutMs: number;
  /**
   * Sent with every request. Holds secrets (Authorization): never log it,
   * never put it into an error message.
   */
  headers: Record<string, string>;
}

const MS_PER_UNIT = {
  weeks: 7 * 24 * 3600 * 1000,
  days: 24 * 3600 * 1000,
  hours: 3600 * 1000,
  minutes: 60 * 1000,
  seconds: 1000,
  milliseconds: 1,
} as const;

function readTimeoutMs(section: Config): number {
  if (!section.has('timeout')) return DEFAULT_TIMEOUT_MS;
  const key = `${SECTION}.timeout`;
  let duration;
  try {
    duration = readDurationFromConfig(section, { key: 'timeout' });
  } catch (error) {
    throw new Error(
      `${key} must be a duration such as '60s', '2m', 'PT1M' or { seconds: 60 }: ${
        (error as Error).message
      }`,
    );
  }
  if (duration.years || duration.months) {
    throw new Error(`${key} must not be given in years or months`);
  }
  let ms = 0;
  for (const [unit, factor] of Object.entries(MS_PER_UNIT)) {
    ms += (duration[unit as keyof typeof MS_PER_UNIT] ?? 0) * factor;
  }
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new Error(`${key} must be a positive duration`);
  }
  return ms;
}

function readBaseUrl(section: Config): string {
  const key = `${SECTION}.baseUrl`;
  const text = section.getOptionalString('baseUrl');
  if (!text) {
    throw new Error(`${key} is required`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${key} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `${key} must be an http or https URL, not ${url.protocol.replace(
        /:$/,
        '',
      )}`,
    );
  }
  if (url.username || url.password) {
    // Would end up in error messages (and fetch refuses them anyway).
    throw new Error(
      `${key} must not contain credentials; use ${SECTION}.token or ${SECTION}.headers`,
    );
  }
  if (url.search || url.hash) {
    throw new Error(`${key} must not have a query string or fragment`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readAllocationPath(section: Config): string {
  const path = section.getOptionalString('path') ?? DEFAULT_ALLOCATION_PATH;
  if (!/^\/[A-Za-z0-9._~/-]*$/.test(path)) {
    throw new Error(
      `${SECTION}.path must be a URL path starting with '/', such as /allocation`,
    );
  }
  return path;
}

function readHeaders(section: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const headerConfig = section.getOptionalConfig('headers');
  for (const name of headerConfig?.keys() ?? []) {
    // Only the header name goes into messages: values may be secrets.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new Error(`${SECTION}.headers has an invalid header name`);
    }
    headers[name] = headerConfig!.getString(name);
  }
  const token = section.getOptionalString('token');
  if (token !== undefined) {
    if (Object.keys(headers).some(h => h.toLowerCase() === 'authorization')) {
      throw new Error(
        `${SECTION}.token and an Authorization entry in ${SECTION}.headers must not both be set`,
      );
    }
    if (!token.trim()) {
      throw new Error(`${SECTION}.token must not be empty`);
    }
    headers.Authorization = `Bearer ${token.trim()}`;
  }
  return headers;
}

/**
 * Reads `bison.billing.opencost`; undefined when the section is absent
 * (OpenCost is then not used). Throws, naming the key, on invalid values.
 */
export function readOpenCostConfig(
  config: Config,
): OpenCostSettings | undefined {
  const section = config.getOptionalConfig(SECTION);
  if (!section) return undefined;
  return {
    baseUrl: readBaseUrl(section),
    allocationPath: readAllocationPath(section),
    timeoutMs: readTimeoutMs(section),
    headers: readHeaders(section),
  };
}
