import { Config } from '@backstage/config';
import { parseMoney } from '@bison/plugin-bison-common';

/**
 * OpenCost's on-premises defaults (configs/default.json): per core-hour,
 * GiB-hour and GPU-hour. Used until an admin sets prices.
 */
const OPENCOST_DEFAULTS: Record<string, string> = {
  cpu: '0.031611',
  memory: '0.004237',
  'nvidia.com/gpu': '0.95',
};

/**
 * The first price book: `bison.pricing.defaults` (a list, since resource
 * keys contain dots), else OpenCost's defaults.
 */
export function defaultPrices(config: Config): Record<string, bigint> {
  const configured = config.getOptionalConfigArray('bison.pricing.defaults');
  const entries = configured
    ? configured.map(entry => [
        entry.getString('resource'),
        entry.getString('pricePerHour'),
      ])
    : Object.entries(OPENCOST_DEFAULTS);
  return Object.fromEntries(
    entries.map(([resource, price], index) => {
      try {
        return [resource, parseMoney(price)];
      } catch (error) {
        throw new Error(
          `bison.pricing.defaults[${index}].pricePerHour: ${
            (error as Error).message
          }`,
        );
      }
    }),
  );
}
