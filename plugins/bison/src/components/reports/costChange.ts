import { isNegativeAmount, isZeroAmount } from '../shared/money';

/** Whether a cost went up, down or stayed the same. */
export type ChangeDirection = 'up' | 'down' | 'none';

/** The direction of a signed API amount ("12.00", "-3.50", "0.00"). */
export function changeDirection(change: string): ChangeDirection {
  if (isZeroAmount(change)) return 'none';
  return isNegativeAmount(change) ? 'down' : 'up';
}

/**
 * A change in percent as the API sends it ("25.0", "-12.5") with its sign:
 * '+25.0%', '-12.5%'; undefined when the API has none (the previous period
 * cost nothing).
 */
export function formatChangePercent(
  percent: string | null,
): string | undefined {
  if (percent === null) return undefined;
  const text = percent.trim();
  if (text.startsWith('-') || /^0+(\.0+)?$/.test(text)) return `${text}%`;
  return `+${text}%`;
}
