import { AlertChannelType } from '@bison/plugin-bison-node';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { noticeMarkdown } from './noticeMarkdown';
import { truncateText } from './noticeText';
import { checkRobotAnswer } from './robotAnswer';
import { webUrl } from './urlSchemas';

const TEXT_MAX_BYTES = 20000;
const TITLE_MAX = 100;
const RATE_LIMIT_ERRCODE = 130101;

const settingsSchema = z.object({}).strict();
const secretsSchema = z
  .object({
    webhookUrl: webUrl({ queryParameter: 'access_token' }),
    signingSecret: z
      .string()
      .trim()
      .startsWith('SEC', { message: "must start with 'SEC'" })
      .optional(),
  })
  .strict();

export type DingTalkSettings = z.infer<typeof settingsSchema>;
export type DingTalkSecrets = z.infer<typeof secretsSchema>;

/** DingTalk 加签: base64 HMAC-SHA256 of "<ms>\n<secret>", keyed by the secret itself. */
export function dingTalkSign(timestamp: number, secret: string): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}\n${secret}`)
    .digest('base64');
}

export function signedDingTalkUrl(
  webhookUrl: string,
  signingSecret: string | undefined,
  now: number = Date.now(),
): string {
  if (!signingSecret) return webhookUrl;
  const sign = encodeURIComponent(dingTalkSign(now, signingSecret));
  const separator = webhookUrl.includes('?') ? '&' : '?';
  return `${webhookUrl}${separator}timestamp=${now}&sign=${sign}`;
}

/** A DingTalk custom robot; `msgUuid` makes DingTalk drop repeated sends. */
export const dingTalkChannel: AlertChannelType<
  DingTalkSettings,
  DingTalkSecrets
> = {
  type: 'dingtalk',
  title: 'DingTalk robot',
  settingsSchema,
  secretsSchema,
  destinations: (_settings, secrets) => [secrets.webhookUrl],
  async send(notice, { secrets, http }) {
    const body = JSON.stringify({
      msgtype: 'markdown',
      markdown: {
        title: truncateText(notice.title, TITLE_MAX),
        text: noticeMarkdown(notice, { maxBytes: TEXT_MAX_BYTES }),
      },
      msgUuid: notice.id,
    });
    const answer = await http.post(
      signedDingTalkUrl(secrets.webhookUrl, secrets.signingSecret),
      body,
      { headers: { 'content-type': 'application/json' } },
    );
    return checkRobotAnswer(answer, 'DingTalk', RATE_LIMIT_ERRCODE);
  },
};
