/** '2026-11-25 22:00' of an instant, in UTC. */
function utcMinute(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The ledger reason of a window's debit, readable in a transactions table:
 * 'Usage 2026-11-25 22:00–23:00 UTC', or with both dates when the window
 * crosses midnight: 'Usage 2026-11-25 00:00 – 2026-11-26 00:00 UTC'.
 */
export function describeWindow(window: { start: Date; end: Date }): string {
  const start = utcMinute(window.start);
  const end = utcMinute(window.end);
  if (start.slice(0, 10) === end.slice(0, 10)) {
    return `Usage ${start}–${end.slice(11)} UTC`;
  }
  return `Usage ${start} – ${end} UTC`;
}
