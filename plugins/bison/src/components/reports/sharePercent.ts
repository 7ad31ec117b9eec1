/**
 * The width of a share bar, 0 to 100, from the API's percent ("66.7").
 * Converted to a number only to size the bar; the text shows the API's.
 */
export function shareValue(percent: string): number {
  const value = Number(percent);
  if (!Number.isFinite(value)) return 0;
  return Math.min(Math.max(value, 0), 100);
}

/** A share as shown beside its bar: '66.7%'. */
export function formatShare(percent: string): string {
  return `${percent}%`;
}
