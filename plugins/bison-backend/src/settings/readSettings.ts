import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export interface BisonSettings {
  currency: { code: string; symbol: string; minorUnits: number };
  billingWindowMinutes: number;
  permissionDecisionCacheSeconds: number;
}

const MINUTES_PER_DAY = 24 * 60;

/** Reads and validates the `bison` config block, failing start-up on bad values. */
export function readSettings(config: Config): BisonSettings {
  const code = config.getOptionalString('bison.currency.code') ?? 'USD';
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new InputError(
      `bison.currency.code must be a three-letter ISO 4217 code, got '${code}'`,
    );
  }
  const minorUnits = config.getOptionalNumber('bison.currency.minorUnits') ?? 2;
  if (!Number.isInteger(minorUnits) || minorUnits < 0 || minorUnits > 6) {
    throw new InputError(
      `bison.currency.minorUnits must be an integer from 0 to 6, got ${minorUnits}`,
    );
  }
  const billingWindowMinutes =
    config.getOptionalNumber('bison.billing.windowMinutes') ?? 60;
  if (
    !Number.isInteger(billingWindowMinutes) ||
    billingWindowMinutes < 1 ||
    MINUTES_PER_DAY % billingWindowMinutes !== 0
  ) {
    throw new InputError(
      `bison.billing.windowMinutes must be a whole number of minutes that divides a day, got ${billingWindowMinutes}`,
    );
  }
  const permissionDecisionCacheSeconds =
    config.getOptionalNumber('bison.permissionDecisionCacheSeconds') ?? 5;
  if (
    !Number.isFinite(permissionDecisionCacheSeconds) ||
    permissionDecisionCacheSeconds < 0
  ) {
    throw new InputError(
      `bison.permissionDecisionCacheSeconds must be zero or more, got ${permissionDecisionCacheSeconds}`,
    );
  }
  return {
    currency: {
      code,
      symbol: config.getOptionalString('bison.currency.symbol') ?? code,
      minorUnits,
    },
    billingWindowMinutes,
    permissionDecisionCacheSeconds,
  };
}
