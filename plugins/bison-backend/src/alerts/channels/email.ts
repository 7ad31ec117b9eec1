import {
  AlertChannelType,
  AlertDeliveryError,
  AlertNotice,
} from '@bison/plugin-bison-node';
import { isIP, isIPv6 } from 'node:net';
import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { z } from 'zod';
import { emailHtml, emailText } from './emailMessage';
import { truncateText } from './noticeText';

const TIMEOUT_MILLIS = 15_000;

// Errors without an SMTP reply that retrying cannot fix.
const PERMANENT_ERROR_CODES = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
]);

function isHostOrAddress(value: string): boolean {
  return (
    isIP(value) !== 0 ||
    /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
      value,
    )
  );
}

const settingsSchema = z
  .object({
    host: z.string().trim().refine(isHostOrAddress, {
      message: 'must be a host name or IP address',
    }),
    port: z.number().int().min(1).max(65535).default(587),
    secure: z.boolean().default(false),
    requireTLS: z.boolean().default(true),
    from: z.email(),
    to: z.array(z.email()).max(100).default([]),
    toTeamGroup: z.boolean().default(true),
  })
  .strict()
  .refine(settings => settings.to.length > 0 || settings.toTeamGroup, {
    path: ['to'],
    message: "must list an address when 'toTeamGroup' is false",
  });

const secretsSchema = z
  .object({
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((secrets, context) => {
    if (secrets.username !== undefined && secrets.password === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['password'],
        message: "is required with 'username'",
      });
    }
    if (secrets.password !== undefined && secrets.username === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['username'],
        message: "is required with 'password'",
      });
    }
  });

export type EmailSettings = z.infer<typeof settingsSchema>;
export type EmailSecrets = z.infer<typeof secretsSchema>;

function recipientsOf(notice: AlertNotice, settings: EmailSettings): string[] {
  const teamEmail = settings.toTeamGroup ? notice.team?.email : undefined;
  const all = teamEmail ? [...settings.to, teamEmail] : settings.to;
  return [
    ...new Map(all.map(address => [address.toLowerCase(), address])).values(),
  ];
}

/** "250 2.0.0 Ok: queued" → 250 */
function replyCode(response: string | undefined): number | undefined {
  const match = response?.match(/^([2-5]\d\d)\b/);
  return match ? Number(match[1]) : undefined;
}

function deliveryError(error: unknown): AlertDeliveryError {
  if (error instanceof AlertDeliveryError) return error;
  const failure = (error ?? {}) as NodemailerError;
  const detail = truncateText(
    String(failure.response ?? failure.message ?? error),
    200,
  );
  const status = failure.responseCode;
  if (typeof status === 'number') {
    const reply = detail.replace(/^\d{3}[ -]?/, '');
    return new AlertDeliveryError(`SMTP server answered ${status}: ${reply}`, {
      status,
      retryable: status < 500,
      cause: error,
    });
  }
  return new AlertDeliveryError(`SMTP delivery failed: ${detail}`, {
    retryable: !PERMANENT_ERROR_CODES.has(failure.code ?? ''),
    cause: error,
  });
}

/**
 * E-mail over SMTP to the listed addresses and the team Group's address.
 * The host is resolved through the outbound rules and the connection made
 * to that address, with the name kept for TLS (SNI and certificate check).
 */
export const emailChannel: AlertChannelType<EmailSettings, EmailSecrets> = {
  type: 'email',
  title: 'E-mail (SMTP)',
  settingsSchema,
  secretsSchema,
  destinations: settings => [
    `smtp://${isIPv6(settings.host) ? `[${settings.host}]` : settings.host}:${
      settings.port
    }`,
  ],
  async send(notice, { settings, secrets, resolveHost, signal }) {
    const recipients = recipientsOf(notice, settings);
    if (recipients.length === 0) {
      throw new AlertDeliveryError(
        "no recipient: the team's Group has no e-mail in the catalog and no addresses are listed",
        { retryable: false },
      );
    }
    const address = await resolveHost(settings.host);
    const transport = createTransport({
      host: address,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTLS,
      tls: isIP(settings.host) ? {} : { servername: settings.host },
      ...(secrets.username
        ? { auth: { user: secrets.username, pass: secrets.password } }
        : {}),
      connectionTimeout: TIMEOUT_MILLIS,
      greetingTimeout: TIMEOUT_MILLIS,
      socketTimeout: TIMEOUT_MILLIS,
    });
    try {
      const info = await transport.sendMail({
        from: settings.from,
        to: recipients,
        subject: notice.title,
        text: emailText(notice),
        html: emailHtml(notice),
        signal,
      });
      return { status: replyCode(info.response) ?? 250 };
    } catch (error) {
      throw deliveryError(error);
    } finally {
      transport.close();
    }
  },
};
