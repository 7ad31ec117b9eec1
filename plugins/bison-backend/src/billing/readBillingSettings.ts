import { Config } from '@backstage/config';
import { parseIsoInstant } from '@bison/plugin-bison-common';

export interface BillingSettings {
  windowMs: number;
  settleDelayMs: number;
  /** Where billing starts when nothing was billed yet (aligned down). */
  startAt?: Date;
  maxWindowsPerRun: number;
  /** Id of the usage source to bill from, if any is configured. */
  sourceId?: string;
}

/** Reads `bison.billing`, failing start-up on bad values. */
export function readBillingSettings(
  config: Config,
  windowMinutes: number,
): BillingSettings {
  const billing = config.getOptionalConfig('bison.billing');
  const settleDelayMinutes =
    billing?.getOptionalNumber('settleDelayMinutes') ?? 15;
  if (!Number.isInteger(settleDelayMinutes) || settleDelayMinutes < 0) {
    throw new Error(
      `bison.billing.settleDelayMinutes must be a whole number of minutes, got ${settleDelayMinutes}`,
    );
  }
  const maxWindowsPerRun = billing?.getOptionalNumber('maxWindowsPerRun') ?? 48;
  if (!Number.isInteger(maxWindowsPerRun) || maxWindowsPerRun < 1) {
    throw new Error(
      `bison.billing.maxWindowsPerRun must be a positive whole number, got ${maxWindowsPerRun}`,
    );
  }
  const startAtText = billing?.getOptionalString('startAt');
  let startAt: Date | undefined;
  if (startAtText) {
    try {
      startAt = parseIsoInstant(startAtText);
    } catch (error) {
      throw new Error(`bison.billing.startAt: ${(error as Error).message}`);
    }
  }
  return {
    windowMs: windowMinutes * 60_000,
    settleDelayMs: settleDelayMinutes * 60_000,
    startAt,
    maxWindowsPerRun,
    sourceId: configuredSource(billing),
  };
}

/** `source`, else the built-in source whose section is configured. */
function configuredSource(billing: Config | undefined): string | undefined {
  const explicit = billing?.getOptionalString('source');
  if (explicit) return explicit;
  return ['prometheus', 'opencost'].find(id => billing?.has(id));
}
