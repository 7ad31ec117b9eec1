import { ActivityEntry } from '../../api';

/** A value of a change as indented JSON; undefined when the change has none. */
export function changeJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, null, 2);
}

/** Whether the entry kept what it replaced or what it made. */
export function hasChangeDetails(entry: ActivityEntry): boolean {
  return entry.before !== undefined || entry.after !== undefined;
}
