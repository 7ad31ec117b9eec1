import { splitIntoDays, TimeRange } from './splitIntoDays';

const DAY_MS = 86_400_000;

/**
 * What to read for `range`: the whole days whose sums are current from the
 * daily sums, everything else (the hours around the whole days, and days
 * not summed yet) from the usage records, in as few ranges as possible.
 */
export function planUsageReads(
  range: TimeRange,
  summedDays: ReadonlySet<number>,
): { summedDays: Date[]; recordRanges: TimeRange[] } {
  const { days, edges } = splitIntoDays(range);
  const ranges = [...edges];
  const summed: Date[] = [];
  if (days) {
    for (
      let day = days.from.getTime();
      day < days.to.getTime();
      day += DAY_MS
    ) {
      if (summedDays.has(day)) {
        summed.push(new Date(day));
      } else {
        ranges.push({ from: new Date(day), to: new Date(day + DAY_MS) });
      }
    }
  }
  return { summedDays: summed, recordRanges: joinAdjacent(ranges) };
}

function joinAdjacent(ranges: TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort(
    (a, b) => a.from.getTime() - b.from.getTime(),
  );
  const joined: TimeRange[] = [];
  for (const range of sorted) {
    const last = joined[joined.length - 1];
    if (last && last.to.getTime() === range.from.getTime()) {
      joined[joined.length - 1] = { from: last.from, to: range.to };
    } else {
      joined.push(range);
    }
  }
  return joined;
}
