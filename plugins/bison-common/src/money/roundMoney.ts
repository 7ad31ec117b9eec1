import { divideHalfEven } from '../internal/fixedPoint';
import { checkMoneyDecimals, MICRO_DECIMALS, Micros } from './micros';

/**
 * Rounds micros half to even to `decimals` decimals (0..6), e.g. to a
 * currency's minor units for display: (644_914_950n, 2) → 644_910_000n.
 * The ledger never rounds; only what is shown is.
 *
 * @public
 */
export function roundMoney(micros: Micros, decimals: number): Micros {
  checkMoneyDecimals(decimals);
  const unit = 10n ** BigInt(MICRO_DECIMALS - decimals);
  return divideHalfEven(micros, unit) * unit;
}
