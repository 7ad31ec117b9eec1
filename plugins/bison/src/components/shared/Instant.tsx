import { formatDateTime, formatRelativeTime } from './time';

/**
 * An instant as '2026-01-02 10:00 (3 days ago)', or with `relative` only as
 * '3 days ago' (for narrow cards); the full one on hover.
 */
export function Instant(props: { at: string; relative?: boolean }) {
  const { at, relative } = props;
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {relative
        ? formatRelativeTime(at)
        : `${formatDateTime(at)} (${formatRelativeTime(at)})`}
    </time>
  );
}
