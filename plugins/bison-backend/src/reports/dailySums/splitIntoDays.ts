export interface TimeRange {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/**
 * Splits `[from, to)` into the whole UTC days inside it, which reports read
 * from the daily sums, and the parts before and after them, read from the
 * usage records. A range inside one day has no whole days.
 */
export function splitIntoDays(range: TimeRange): {
  days?: TimeRange;
  edges: TimeRange[];
} {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endOfDays = Math.floor(to / DAY_MS) * DAY_MS;
  if (firstDay >= endOfDays) return { edges: to > from ? [range] : [] };
  const edges = [
    { from, to: firstDay },
    { from: endOfDays, to },
  ].filter(edge => edge.to > edge.from);
  return {
    days: { from: new Date(firstDay), to: new Date(endOfDays) },
    edges: edges.map(edge => ({
      from: new Date(edge.from),
      to: new Date(edge.to),
    })),
  };
}
