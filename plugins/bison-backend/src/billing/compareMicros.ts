/** Orders amounts from the largest to the smallest. */
export function byAmountDescending(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a > b ? -1 : 1;
}
