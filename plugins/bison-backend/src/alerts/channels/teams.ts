import { AlertChannelType, AlertNotice } from '@bison/plugin-bison-node';
import { z } from 'zod';
import { checkHttpAnswer } from './httpAnswer';
import { noticeMeta, truncateText } from './noticeText';
import { webUrl } from './urlSchemas';

// Teams refuses messages above about 28 KB; these caps keep a card well below.
const TITLE_MAX = 500;
const SUMMARY_MAX = 5000;
const FACT_MAX = 1000;
const FACTS_MAX = 20;

const TITLE_COLORS: Partial<Record<AlertNotice['severity'], string>> = {
  critical: 'Attention',
  warning: 'Warning',
};

const settingsSchema = z.object({}).strict();
const secretsSchema = z.object({ webhookUrl: webUrl() }).strict();

export type TeamsSettings = z.infer<typeof settingsSchema>;
export type TeamsSecrets = z.infer<typeof secretsSchema>;

/** The message a "When a Teams webhook request is received" workflow posts. */
export function teamsMessage(notice: AlertNotice): object {
  const color =
    notice.status === 'resolved' ? 'Good' : TITLE_COLORS[notice.severity];
  const body: object[] = [
    {
      type: 'TextBlock',
      text: truncateText(notice.title, TITLE_MAX),
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      ...(color ? { color } : {}),
    },
    {
      type: 'TextBlock',
      text: truncateText(notice.summary, SUMMARY_MAX),
      wrap: true,
    },
  ];
  const facts = notice.facts.slice(0, FACTS_MAX).map(fact => ({
    title: truncateText(fact.label, FACT_MAX),
    value: truncateText(fact.value, FACT_MAX),
  }));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  body.push({
    type: 'TextBlock',
    text: noticeMeta(notice),
    isSubtle: true,
    size: 'Small',
    wrap: true,
  });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: notice.link
            ? [
                {
                  type: 'Action.OpenUrl',
                  title: 'Open in Backstage',
                  url: notice.link,
                },
              ]
            : [],
        },
      },
    ],
  };
}

/**
 * A Teams channel through a Workflows (Power Automate) webhook. The flow
 * answers 202 before it runs, so a 2xx does not prove the card was posted.
 */
export const teamsChannel: AlertChannelType<TeamsSettings, TeamsSecrets> = {
  type: 'teams',
  title: 'Microsoft Teams workflow',
  settingsSchema,
  secretsSchema,
  destinations: (_settings, secrets) => [secrets.webhookUrl],
  async send(notice, { secrets, http }) {
    const answer = await http.post(
      secrets.webhookUrl,
      JSON.stringify(teamsMessage(notice)),
      { headers: { 'content-type': 'application/json' } },
    );
    return checkHttpAnswer(answer, 'The Teams workflow');
  },
};
