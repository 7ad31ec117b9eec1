/** Small helpers for benchmarks: timing and percentiles, printed not asserted. */
export function percentile(sortedMillis: number[], p: number): number {
  if (sortedMillis.length === 0) return NaN;
  const index = Math.min(
    sortedMillis.length - 1,
    Math.ceil((p / 100) * sortedMillis.length) - 1,
  );
  return sortedMillis[Math.max(0, index)];
}

export function summarize(millis: number[]) {
  const sorted = [...millis].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** Runs `total` jobs with at most `concurrency` in flight. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        await job(index);
      }
    }),
  );
}

export function report(title: string, rows: Array<Record<string, unknown>>) {
  // Straight to stdout: Jest decorates console output with stack traces.
  process.stdout.write(
    `\n${title}\n${rows.map(r => `  ${JSON.stringify(r)}`).join('\n')}\n`,
  );
}
