import { Config, readDurationFromConfig } from '@backstage/config';

const SECTION = 'bison.billing.prometheus';

/** One query may take this long unless `timeout` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Where and how to reach Prometheus, from `bison.billing.prometheus`. */
export interface PrometheusSettings {
  /**
   * Base URL without trailing slash, below which `/api/v1/query` is served,
   * e.g. `http://prometheus.monitoring:9090` or a Thanos/Mimir prefix.
   */
  baseUrl: string;
  timeoutMs: number;
  /** Bearer token. A secret: never log it, never put it into a message. */
  token?: string;
  /**
   * Label matchers added to every series selector, e.g. `cluster="prod"`,
   * to pick one cluster out of a Prometheus that holds several.
   */
  labelMatchers: string[];
}

// One matcher: label name, operator, double-quoted PromQL string.
const MATCHER =
  /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\\n]|\\.)*")\s*/;

/**
 * `a="x", b=~"y.*"` → ['a="x"', 'b=~"y.*"']. Label names starting with `__`
 * (the metric name among them) are refused: the queries pick the metrics.
 */
export function parseLabelMatchers(text: string): string[] {
  const matchers: string[] = [];
  let rest = text.trim();
  while (rest) {
    const match = MATCHER.exec(rest);
    if (!match) {
      throw new Error(
        `expected label matchers such as cluster="prod", region=~"eu-.*"; cannot read '${rest.slice(
          0,
          40,
        )}'`,
      );
    }
    const [whole, name, operator, value] = match;
    if (name.startsWith('__')) {
      throw new Error(`label ${name} is reserved`);
    }
    matchers.push(`${name}${operator}${value}`);
    rest = rest.slice(whole.length);
    if (rest.startsWith(',')) {
      rest = rest.slice(1).trim();
      if (!rest) throw new Error('trailing comma');
    } else if (rest) {
      throw new Error(`expected ',' before '${rest.slice(0, 40)}'`);
    }
  }
  return matchers;
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
  if (!Number.isFinite(ms) || ms < 1) {
    throw new Error(`${key} must be a positive duration`);
  }
  return Math.round(ms);
}

function readBaseUrl(section: Config): string {
  const key = `${SECTION}.baseUrl`;
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
      `${key} must not contain credentials; use ${SECTION}.token`,
    );
  }
  if (url.search || url.hash) {
    throw new Error(`${key} must not have a query string or fragment`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readToken(section: Config): string | undefined {
  const token = section.getOptionalString('token');
  if (token === undefined) return undefined;
  if (!token.trim()) throw new Error(`${SECTION}.token must not be empty`);
  return token.trim();
}

function readLabelMatchers(section: Config): string[] {
  const text = section.getOptionalString('labelMatchers');
  if (text === undefined) return [];
  try {
    return parseLabelMatchers(text);
  } catch (error) {
    throw new Error(`${SECTION}.labelMatchers: ${(error as Error).message}`);
  }
}

/**
 * Reads `bison.billing.prometheus`; undefined when the section is absent
 * (Prometheus is then not used). Throws, naming the key, on invalid values.
 */
export function readPrometheusConfig(
  config: Config,
): PrometheusSettings | undefined {
  const section = config.getOptionalConfig(SECTION);
  if (!section) return undefined;
  return {
    baseUrl: readBaseUrl(section),
    timeoutMs: readTimeoutMs(section),
    token: readToken(section),
    labelMatchers: readLabelMatchers(section),
  };
}
