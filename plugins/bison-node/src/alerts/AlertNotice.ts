/**
 * How loud an alert is; each channel maps it to its own levels.
 *
 * @public
 */
export type AlertNoticeSeverity = 'info' | 'warning' | 'critical';

/**
 * What a message reports: a condition that started to hold (`firing`),
 * still holds (`repeat`) or cleared (`resolved`), or something that
 * happened once (`event`).
 *
 * @public
 */
export type AlertNoticeStatus = 'firing' | 'repeat' | 'resolved' | 'event';

/**
 * One alert message as every channel receives it, already worded.
 *
 * @public
 */
export interface AlertNotice {
  /**
   * Unique per message and the same on every retry and replica, so
   * receivers can drop duplicates (the Standard Webhooks `webhook-id`).
   */
  id: string;
  status: AlertNoticeStatus;
  rule: { id: string; kind: string };
  severity: AlertNoticeSeverity;
  /** The team it is about; null for installation alerts sent to admins. */
  team: {
    name: string;
    displayName: string;
    groupRef: string;
    /** The Group's e-mail address from the catalog, when it has one. */
    email?: string;
  } | null;
  /** What the alert is about: the team, one of its projects, or `installation`. */
  subject: string;
  /** One line, e.g. "ml-team: balance below 25 % of the last recharge". */
  title: string;
  /** A sentence or two in plain text. */
  summary: string;
  /** Label and value pairs, e.g. Balance: 1,234.50 EUR. */
  facts: Array<{ label: string; value: string }>;
  /** Absolute URL of the page to open, usually the team's page. */
  link?: string;
  /** ISO 8601: when the condition was observed or the event happened. */
  occurredAt: string;
  /** Sent by the "send test" action, not by a rule. */
  test?: boolean;
}
