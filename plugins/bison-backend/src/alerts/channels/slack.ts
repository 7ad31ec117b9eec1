import {
  AlertChannelType,
  AlertDeliveryError,
  AlertNotice,
} from '@bison/plugin-bison-node';
import { z } from 'zod';
import { bodyExcerpt, checkHttpAnswer } from './httpAnswer';
import {
  noticeHeadline,
  severityLabel,
  statusLabel,
  truncateText,
} from './noticeText';
import { webUrl } from './urlSchemas';

const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const FIELDS_MAX = 10;
const BUTTON_URL_MAX = 3000;

const settingsSchema = z.object({}).strict();
const secretsSchema = z.object({ webhookUrl: webUrl() }).strict();

export type SlackSettings = z.infer<typeof settingsSchema>;
export type SlackSecrets = z.infer<typeof secretsSchema>;

function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Escaped, then cut without leaving half an entity such as `&am`. */
function mrkdwn(text: string, maxLength: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= maxLength) return escaped;
  return truncateText(escaped, maxLength).replace(/&[a-z]{0,3}…$/, '…');
}

function occurredAtText(notice: AlertNotice): string {
  const millis = Date.parse(notice.occurredAt);
  if (Number.isNaN(millis)) return mrkdwn(notice.occurredAt, 200);
  // Slack shows the date in the reader's time zone, the text after | elsewhere.
  return `<!date^${Math.floor(millis / 1000)}^{date_short_pretty} {time}|${
    notice.occurredAt
  }>`;
}

/** The Block Kit message: header, summary, facts, context and a button. */
export function slackMessage(notice: AlertNotice): object {
  const blocks: object[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncateText(notice.title, HEADER_MAX),
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: mrkdwn(notice.summary || notice.title, SECTION_MAX),
      },
    },
  ];
  if (notice.facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: notice.facts.slice(0, FIELDS_MAX).map(fact => {
        const label = `*${mrkdwn(fact.label, 200)}*\n`;
        return {
          type: 'mrkdwn',
          text: label + mrkdwn(fact.value, FIELD_MAX - label.length),
        };
      }),
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: `*Severity:* ${severityLabel(notice)}` },
      { type: 'mrkdwn', text: `*Status:* ${statusLabel(notice)}` },
      { type: 'mrkdwn', text: occurredAtText(notice) },
    ],
  });
  if (notice.link && notice.link.length <= BUTTON_URL_MAX) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'open',
          text: { type: 'plain_text', text: 'Open in Backstage' },
          url: notice.link,
          style: 'primary',
        },
      ],
    });
  }
  return { text: mrkdwn(noticeHeadline(notice), SECTION_MAX), blocks };
}

/** A Slack incoming webhook; Slack answers a posted message with the text `ok`. */
export const slackChannel: AlertChannelType<SlackSettings, SlackSecrets> = {
  type: 'slack',
  title: 'Slack incoming webhook',
  settingsSchema,
  secretsSchema,
  destinations: (_settings, secrets) => [secrets.webhookUrl],
  async send(notice, { secrets, http }) {
    const answer = await http.post(
      secrets.webhookUrl,
      JSON.stringify(slackMessage(notice)),
      { headers: { 'content-type': 'application/json' } },
    );
    const receipt = checkHttpAnswer(answer, 'Slack');
    if (answer.body.trim() !== 'ok') {
      throw new AlertDeliveryError(
        `Slack answered HTTP ${answer.status}: ${
          bodyExcerpt(answer.body) || '(empty)'
        }`,
        { status: answer.status, retryable: false },
      );
    }
    return receipt;
  },
};
