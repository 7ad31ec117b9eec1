import type { z } from 'zod';
import { AlertNotice } from './AlertNotice';

/**
 * Outbound HTTP for channels, already guarded: only https (unless the host
 * is allow-listed), only public addresses as connected to, no redirects, a
 * timeout and a size cap on the answer. Network failures reject with an
 * {@link AlertDeliveryError}; any HTTP answer resolves.
 *
 * @public
 */
export interface AlertChannelHttp {
  post(
    url: string,
    body: string,
    options?: { headers?: Record<string, string> },
  ): Promise<AlertHttpResponse>;
}

/** @public */
export interface AlertHttpResponse {
  status: number;
  /** The answer's text, cut at a few KiB. */
  body: string;
  headers: Record<string, string | undefined>;
}

/**
 * What a channel gets for one send.
 *
 * @public
 */
export interface AlertChannelContext<Settings, Secrets> {
  settings: Settings;
  secrets: Secrets;
  http: AlertChannelHttp;
  /**
   * Resolves a host name to one address that may be connected to, for
   * protocols other than HTTP (SMTP); rejects when every address is
   * forbidden. Connect to the address returned, not to the name again.
   */
  resolveHost(host: string): Promise<string>;
  signal: AbortSignal;
}

/**
 * What a receiver answered to a delivered message.
 *
 * @public
 */
export interface AlertDeliveryReceipt {
  /** The HTTP status, or the SMTP reply code. */
  status?: number;
}

/**
 * A failed send. `retryable` ones are tried again with backoff; the others
 * (a refused address, 4xx answers, a bad token) fail the delivery at once.
 *
 * @public
 */
export class AlertDeliveryError extends Error {
  readonly status?: number;
  readonly retryable: boolean;
  /** The receiver asked to wait this long (`Retry-After`). */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    options: {
      status?: number;
      retryable: boolean;
      retryAfterSeconds?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'AlertDeliveryError';
    this.status = options.status;
    this.retryable = options.retryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * A kind of alert channel (Slack, a signed webhook, e-mail, ...). Settings
 * are returned by the API as stored; secrets (URLs with tokens, signing
 * keys, passwords) are encrypted at rest and never returned.
 *
 * @public
 */
export interface AlertChannelType<Settings = unknown, Secrets = unknown> {
  /** Stable identifier, stored with each channel, e.g. `slack`. */
  readonly type: string;
  /** Shown in the app, e.g. "Slack incoming webhook". */
  readonly title: string;
  /** Validates settings; each issue's path names the field. */
  readonly settingsSchema: z.ZodType<Settings>;
  /**
   * Validates the secrets. On update the given fields replace the stored
   * ones, and the merged object is validated again.
   */
  readonly secretsSchema: z.ZodType<Secrets>;
  /**
   * Every URL the channel sends to (`https://…`, or `smtp://host:port`),
   * checked against the outbound rules when the channel is saved and again
   * at each send.
   */
  destinations(settings: Settings, secrets: Secrets): string[];
  /**
   * Sends one notice. Throws {@link AlertDeliveryError} on failure; any
   * other error is treated as retryable.
   */
  send(
    notice: AlertNotice,
    context: AlertChannelContext<Settings, Secrets>,
  ): Promise<AlertDeliveryReceipt>;
}
