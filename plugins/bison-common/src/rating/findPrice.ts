import { Micros } from '../money/micros';
import { PriceTable } from './types';

/**
 * Looks up the price of a resource key: the exact key first, then, for keys
 * of the form '<resource>:<model>' (e.g. 'nvidia.com/gpu:A100'), the base
 * resource before the first ':' ('nvidia.com/gpu'). So a model-specific
 * price overrides the generic GPU price. Returns undefined when neither is
 * priced.
 *
 * @public
 */
export function findPrice(
  prices: PriceTable,
  resource: string,
): Micros | undefined {
  // Own properties only, so keys like 'constructor' never hit the prototype.
  if (Object.hasOwn(prices, resource)) {
    return prices[resource];
  }
  const separator = resource.indexOf(':');
  if (separator > 0) {
    const baseResource = resource.slice(0, separator);
    if (Object.hasOwn(prices, baseResource)) {
      return prices[baseResource];
    }
  }
  return undefined;
}
