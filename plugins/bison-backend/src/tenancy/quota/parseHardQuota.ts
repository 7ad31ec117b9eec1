import { InputError } from '@backstage/errors';
import {
  BisonValidationError,
  parseQuantity,
  Quantity,
} from '@bison/plugin-bison-common';
import { ResourceList } from '../../kubernetes/types';
import { ComputeResource } from './computeResources';

const WHOLE_UNITS = 10n ** 9n;
const HAS_UNIT = /[a-zA-Z]$/;

function checkValue(field: string, quotaKey: string, raw: unknown): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new InputError(`'${field}' must be a quantity string such as "64Gi"`);
  }
  const text = String(raw).trim();
  let quantity: Quantity;
  try {
    quantity = parseQuantity(text);
  } catch (error) {
    if (error instanceof BisonValidationError) {
      throw new InputError(
        `'${field}' is not a Kubernetes quantity: '${text}'`,
      );
    }
    throw error;
  }
  if (quantity.nanos < 0n) {
    throw new InputError(`'${field}' must not be negative`);
  }
  if (quotaKey.endsWith('.memory') && !HAS_UNIT.test(text)) {
    throw new InputError(
      `'${field}' needs a unit such as Mi or Gi ('${text}' would mean bytes)`,
    );
  }
  const counted = !quotaKey.endsWith('.cpu') && !quotaKey.endsWith('.memory');
  if (counted && quantity.nanos % WHOLE_UNITS !== 0n) {
    throw new InputError(`'${field}' must be a whole number, got '${text}'`);
  }
  return text;
}

/**
 * Validates a quota's `hard` map against the resource catalogue and keeps
 * every quantity as written (`64Gi` stays `64Gi`). `field` prefixes the
 * names in error messages, e.g. `quota.hard`.
 */
export function parseHardQuota(
  input: unknown,
  resources: ComputeResource[],
  field: string,
): ResourceList {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(`'${field}' must be an object of quantities`);
  }
  const allowed = new Set(resources.flatMap(resource => resource.quotaKeys));
  const hard: ResourceList = {};
  for (const [key, raw] of Object.entries(input)) {
    const keyField = `${field}.${key}`;
    if (!allowed.has(key)) {
      const bare = resources.find(resource => resource.key === key);
      throw new InputError(
        bare
          ? `'${keyField}' is not a quota key; use ${bare.quotaKeys
              .map(quotaKey => `'${quotaKey}'`)
              .join(' or ')}`
          : `'${keyField}' names an unknown resource; known: ${[...allowed]
              .map(quotaKey => `'${quotaKey}'`)
              .join(', ')}`,
      );
    }
    hard[key] = checkValue(keyField, key, raw);
  }
  return hard;
}
