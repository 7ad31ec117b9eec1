/**
 * The sizes of the buckets usage is reported in.
 *
 * @public
 */
export type BucketGranularity = 'hour' | 'day' | 'month';

/**
 * The UTC start of the bucket of `granularity` that holds `at`: the hour,
 * the day or the first of the month, at 00 minutes.
 *
 * @public
 */
export function bucketStart(at: Date, granularity: BucketGranularity): Date {
  const d = new Date(at.getTime());
  if (granularity === 'hour') {
    d.setUTCMinutes(0, 0, 0);
  } else if (granularity === 'day') {
    d.setUTCHours(0, 0, 0, 0);
  } else {
    d.setUTCDate(1);
    d.setUTCHours(0, 0, 0, 0);
  }
  return d;
}
