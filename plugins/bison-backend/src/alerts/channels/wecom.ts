import { AlertChannelType, AlertNotice } from '@bison/plugin-bison-node';
import { z } from 'zod';
import { noticeMarkdown } from './noticeMarkdown';
import { checkRobotAnswer } from './robotAnswer';
import { webUrl } from './urlSchemas';

const CONTENT_MAX_BYTES = 4096;
const RATE_LIMIT_ERRCODE = 45009;

const settingsSchema = z.object({}).strict();
const secretsSchema = z
  .object({ webhookUrl: webUrl({ queryParameter: 'key' }) })
  .strict();

export type WeComSettings = z.infer<typeof settingsSchema>;
export type WeComSecrets = z.infer<typeof secretsSchema>;

/** WeCom markdown knows three font colours: info (green), comment (grey), warning (orange-red). */
function fontColor(notice: AlertNotice): string {
  if (notice.status === 'resolved') return 'info';
  return notice.severity === 'info' ? 'comment' : 'warning';
}

/** A WeCom group robot; the `key` in its URL is the only credential. */
export const weComChannel: AlertChannelType<WeComSettings, WeComSecrets> = {
  type: 'wecom',
  title: 'WeCom group robot',
  settingsSchema,
  secretsSchema,
  destinations: (_settings, secrets) => [secrets.webhookUrl],
  async send(notice, { secrets, http }) {
    const content = noticeMarkdown(notice, {
      maxBytes: CONTENT_MAX_BYTES,
      emphasizeMeta: meta =>
        `<font color="${fontColor(notice)}">${meta}</font>`,
    });
    const answer = await http.post(
      secrets.webhookUrl,
      JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
      { headers: { 'content-type': 'application/json' } },
    );
    return checkRobotAnswer(answer, 'WeCom', RATE_LIMIT_ERRCODE);
  },
};
