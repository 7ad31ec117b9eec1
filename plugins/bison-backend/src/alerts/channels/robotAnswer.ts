import {
  AlertDeliveryError,
  AlertDeliveryReceipt,
  AlertHttpResponse,
} from '@bison/plugin-bison-node';
import { bodyExcerpt, checkHttpAnswer } from './httpAnswer';

// Both robots allow 20 messages a minute; a minute is the shortest useful wait.
const RATE_LIMIT_WAIT_SECONDS = 60;

function readErrcode(
  body: string,
): { errcode: unknown; errmsg: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'errcode' in parsed) {
      return {
        errcode: parsed.errcode,
        errmsg: 'errmsg' in parsed ? parsed.errmsg : undefined,
      };
    }
  } catch {
    // not JSON: reported below with the body's start
  }
  return undefined;
}

/**
 * DingTalk and WeCom robots answer HTTP 200 with `{"errcode":0}` on success
 * and another errcode on failure, so the body decides after the status.
 */
export function checkRobotAnswer(
  answer: AlertHttpResponse,
  receiver: string,
  rateLimitErrcode: number,
): AlertDeliveryReceipt {
  const receipt = checkHttpAnswer(answer, receiver);
  const result = readErrcode(answer.body);
  if (!result) {
    throw new AlertDeliveryError(
      `${receiver} answered HTTP ${answer.status} without an errcode: ${
        bodyExcerpt(answer.body) || '(empty)'
      }`,
      { status: answer.status, retryable: false },
    );
  }
  if (result.errcode === 0) return receipt;
  const message = `${receiver} answered errcode ${String(
    result.errcode,
  )}: ${bodyExcerpt(String(result.errmsg ?? ''))}`;
  if (result.errcode === rateLimitErrcode) {
    throw new AlertDeliveryError(message, {
      status: answer.status,
      retryable: true,
      retryAfterSeconds: RATE_LIMIT_WAIT_SECONDS,
    });
  }
  throw new AlertDeliveryError(message, {
    status: answer.status,
    retryable: false,
  });
}
