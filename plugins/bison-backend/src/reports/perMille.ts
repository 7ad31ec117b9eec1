import { Micros } from '@bison/plugin-bison-common';

/** A ratio of two amounts in per mille, rounded half away from zero. */
export function perMille(part: Micros, whole: Micros): number {
  const scaled = part * 2000n;
  const rounded = (scaled + (scaled >= 0n ? whole : -whole)) / (2n * whole);
  return Number(rounded);
}
