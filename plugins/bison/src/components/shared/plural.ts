/** A count with its noun, plural unless one: '1 day', '3 days', '2 Jobs'. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
