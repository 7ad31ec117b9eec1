import { AlertNotice } from '@bison/plugin-bison-node';

const ELLIPSIS = '…';

const STATUS_LABELS: Record<AlertNotice['status'], string> = {
  firing: 'Firing',
  repeat: 'Still firing',
  resolved: 'Resolved',
  event: 'Event',
};

const SEVERITY_LABELS: Record<AlertNotice['severity'], string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

export function statusLabel(notice: AlertNotice): string {
  return notice.test ? 'Test' : STATUS_LABELS[notice.status];
}

export function severityLabel(notice: AlertNotice): string {
  return SEVERITY_LABELS[notice.severity];
}

/** One line for previews and push notifications, e.g. "[CRITICAL] acme: balance below 100". */
export function noticeHeadline(notice: AlertNotice): string {
  const tag =
    notice.status === 'resolved' || notice.test
      ? statusLabel(notice)
      : severityLabel(notice);
  return `[${tag.toUpperCase()}] ${notice.title}`;
}

/** "Critical · Firing · 2026-12-02T10:00:00.000Z" */
export function noticeMeta(notice: AlertNotice): string {
  return [severityLabel(notice), statusLabel(notice), notice.occurredAt].join(
    ' · ',
  );
}

export function factLines(notice: AlertNotice): string[] {
  return notice.facts.map(fact => `${fact.label}: ${fact.value}`);
}

/** Cuts to at most `maxLength` UTF-16 units, never inside a surrogate pair. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > maxLength - ELLIPSIS.length) break;
    kept += char;
  }
  return kept + ELLIPSIS;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts to at most `maxBytes` of UTF-8, on a character boundary. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const budget = maxBytes - utf8Length(ELLIPSIS);
  if (budget < 0) return '';
  let kept = '';
  let used = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (used + size > budget) break;
    kept += char;
    used += size;
  }
  return kept + ELLIPSIS;
}
