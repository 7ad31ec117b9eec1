import { Config, readDurationFromConfig } from '@backstage/config';

/** One request may take this long unless `timeout` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The keys every HTTP usage source has: `baseUrl`, `timeout`, `token`. */
export interface HttpSourceSettings {
  /** Base URL without trailing slash, e.g. `http://prometheus.monitoring:9090`. */
  baseUrl: string;
  timeoutMs: number;
  /** Bearer token, trimmed. A secret: never log it, never put it into a message. */
  token?: string;
}

export interface HttpSourceConfigOptions {
  /**
   * The keys of the section that carry credentials, suggested when `baseUrl`
   * holds some; `['token']` by default.
   */
  credentialKeys?: readonly string[];
}

const MS_PER_UNIT = {
  weeks: 7 * 24 * 3600 * 1000,
  days: 24 * 3600 * 1000,
  hours: 3600 * 1000,
  minutes: 60 * 1000,
  seconds: 1000,
  milliseconds: 1,
} as const;

function readBaseUrl(
  section: Config,
  sectionKey: string,
  credentialKeys: readonly string[],
): string {
  const key = `${sectionKey}.baseUrl`;
  const text = section.getOptionalString('baseUrl');
  if (!text) throw new Error(`${key} is required`);
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
      `${key} must not contain credentials; use ${credentialKeys
        .map(name => `${sectionKey}.${name}`)
        .join(' or ')}`,
    );
  }
  if (url.search || url.hash) {
    throw new Error(`${key} must not have a query string or fragment`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readTimeoutMs(section: Config, sectionKey: string): number {
  if (!section.has('timeout')) return DEFAULT_TIMEOUT_MS;
  const key = `${sectionKey}.timeout`;
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
  if (!Number.isFinite(ms) || ms < 1) {
    throw new Error(`${key} must be a positive duration`);
  }
  return Math.round(ms);
}

function readToken(section: Config, sectionKey: string): string | undefined {
  const token = section.getOptionalString('token');
  if (token === undefined) return undefined;
  if (!token.trim()) throw new Error(`${sectionKey}.token must not be empty`);
  return token.trim();
}

/**
 * Reads `baseUrl` (required; http or https, without credentials, query or
 * fragment), `timeout` (a duration, 60 s by default) and `token` (optional)
 * of the config section at `sectionKey`. Throws, naming the key, on invalid
 * values; never with the token in the message.
 */
export function readHttpSourceConfig(
  section: Config,
  sectionKey: string,
  { credentialKeys = ['token'] }: HttpSourceConfigOptions = {},
): HttpSourceSettings {
  return {
    baseUrl: readBaseUrl(section, sectionKey, credentialKeys),
    timeoutMs: readTimeoutMs(section, sectionKey),
    token: readToken(section, sectionKey),
  };
}
