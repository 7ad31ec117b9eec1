import { formatDateTime, formatRelativeTime } from './time';

/** An instant as '2026-01-02 10:00 (3 days ago)', the full one on hover. */
export function Instant(props: { at: string }) {
  const { at } = props;
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {formatDateTime(at)} ({formatRelativeTime(at)})
    </time>
  );
}
