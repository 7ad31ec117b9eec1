import { AlertChannelType, AlertNotice } from '@bison/plugin-bison-node';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { checkHttpAnswer } from './httpAnswer';
import { webUrl } from './urlSchemas';

const SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;

function isSigningSecret(value: string): boolean {
  if (!value.startsWith(SECRET_PREFIX)) return false;
  const key = value.slice(SECRET_PREFIX.length);
  return (
    key.length % 4 === 0 &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
    Buffer.from(key, 'base64').length >= MIN_KEY_BYTES
  );
}

const settingsSchema = z.object({}).strict();

const secretsSchema = z
  .object({
    url: webUrl(),
    signingSecret: z.string().refine(isSigningSecret, {
      message: `must be '${SECRET_PREFIX}' followed by the base64 of at least ${MIN_KEY_BYTES} random bytes`,
    }),
  })
  .strict();

export type WebhookSettings = z.infer<typeof settingsSchema>;
export type WebhookSecrets = z.infer<typeof secretsSchema>;

/** The Standard Webhooks event type, e.g. `alert.firing`. */
export function webhookEventType(notice: AlertNotice): string {
  return notice.test ? 'alert.test' : `alert.${notice.status}`;
}

/**
 * A POST signed as Standard Webhooks specify (HMAC-SHA256 over id,
 * timestamp and the exact body), with the notice as `data`.
 */
export const webhookChannel: AlertChannelType<WebhookSettings, WebhookSecrets> =
  {
    type: 'webhook',
    title: 'Signed webhook',
    settingsSchema,
    secretsSchema,
    destinations: (_settings, secrets) => [secrets.url],
    async send(notice, { secrets, http }) {
      const now = new Date();
      const payload = JSON.stringify({
        type: webhookEventType(notice),
        timestamp: now.toISOString(),
        data: notice,
      });
      const signature = new Webhook(secrets.signingSecret).sign(
        notice.id,
        now,
        payload,
      );
      const answer = await http.post(secrets.url, payload, {
        headers: {
          'content-type': 'application/json',
          'webhook-id': notice.id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
      });
      return checkHttpAnswer(answer, 'The webhook receiver');
    },
  };
