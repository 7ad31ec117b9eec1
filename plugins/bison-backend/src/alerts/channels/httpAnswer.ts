import {
  AlertDeliveryError,
  AlertDeliveryReceipt,
  AlertHttpResponse,
} from '@bison/plugin-bison-node';
import { truncateText } from './noticeText';

/** The start of an answer's body, on one line, for error messages. */
export function bodyExcerpt(body: string): string {
  return truncateText(body.replace(/\s+/g, ' ').trim(), 200);
}

function headerValue(
  headers: AlertHttpResponse['headers'],
  name: string,
): string | undefined {
  const found = Object.keys(headers).find(key => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

/** `Retry-After` as seconds from now: either delay-seconds or an HTTP date. */
export function retryAfterSeconds(
  headers: AlertHttpResponse['headers'],
  now: Date = new Date(),
): number | undefined {
  const value = headerValue(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * Maps an HTTP answer to a receipt (2xx) or throws: 429 and 5xx may be
 * retried, every other status fails the delivery. `receiver` names the
 * other side in the message ("Slack"); the URL is never named, it holds
 * the token.
 */
export function checkHttpAnswer(
  answer: AlertHttpResponse,
  receiver: string,
): AlertDeliveryReceipt {
  const { status } = answer;
  if (isSuccess(status)) return { status };
  const excerpt = bodyExcerpt(answer.body);
  const message = `${receiver} answered HTTP ${status}${
    excerpt ? `: ${excerpt}` : ''
  }`;
  if (status === 429 || status >= 500) {
    throw new AlertDeliveryError(message, {
      status,
      retryable: true,
      retryAfterSeconds: retryAfterSeconds(answer.headers),
    });
  }
  throw new AlertDeliveryError(message, { status, retryable: false });
}
