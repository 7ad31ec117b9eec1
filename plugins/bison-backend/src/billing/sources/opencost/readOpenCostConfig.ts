import { Config } from '@backstage/config';
import {
  HttpSourceSettings,
  readHttpSourceConfig,
} from '../shared/readHttpSourceConfig';

const SECTION = 'bison.billing.opencost';

/** The default allocation endpoint, below `baseUrl`. */
export const DEFAULT_ALLOCATION_PATH = '/allocation';

/**
 * Where and how to reach OpenCost, from `bison.billing.opencost`; baseUrl is
 * e.g. `http://opencost.opencost:9003`. The token goes into `headers`.
 */
export interface OpenCostSettings extends Omit<HttpSourceSettings, 'token'> {
  /** Allocation endpoint below baseUrl: `/allocation` or `/allocation/compute`. */
  allocationPath: string;
  /**
   * Sent with every request. Holds secrets (Authorization): never log it,
   * never put it into an error message.
   */
  headers: Record<string, string>;
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

function readHeaders(
  section: Config,
  token: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const headerConfig = section.getOptionalConfig('headers');
  for (const name of headerConfig?.keys() ?? []) {
    // Only the header name goes into messages: values may be secrets.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new Error(`${SECTION}.headers has an invalid header name`);
    }
    headers[name] = headerConfig!.getString(name);
  }
  if (token !== undefined) {
    if (Object.keys(headers).some(h => h.toLowerCase() === 'authorization')) {
      throw new Error(
        `${SECTION}.token and an Authorization entry in ${SECTION}.headers must not both be set`,
      );
    }
    headers.Authorization = `Bearer ${token}`;
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
  const { baseUrl, timeoutMs, token } = readHttpSourceConfig(section, SECTION, {
    credentialKeys: ['token', 'headers'],
  });
  return {
    baseUrl,
    allocationPath: readAllocationPath(section),
    timeoutMs,
    headers: readHeaders(section, token),
  };
}
