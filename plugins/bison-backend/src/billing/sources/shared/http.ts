/** How much of an error answer goes into an error message. */
const MAX_MESSAGE_LENGTH = 500;

/**
 * Text from an error answer, for an error message: white space folded, at
 * most 500 characters, 'empty body' when there is none.
 */
export function shortenErrorText(text: string): string {
  const message = text.replace(/\s+/g, ' ').trim() || 'empty body';
  return message.length > MAX_MESSAGE_LENGTH
    ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…`
    : message;
}

/** A source's error class: OpenCostResponseError, PrometheusQueryError. */
export type SourceErrorClass = new (
  message: string,
  options?: { cause?: unknown },
) => Error;

export interface FetchTextOptions {
  timeoutMs: number;
  /** The caller's signal: when it aborts, its reason is thrown. */
  signal?: AbortSignal;
  /** Thrown when the request fails or times out. */
  errorClass: SourceErrorClass;
  /** What was asked, for the timeout message: 'the cpu query'. */
  what?: string;
}

/**
 * Sends the request (following no redirects) and reads the answer's body,
 * within the timeout and the caller's signal. Any HTTP status is returned,
 * for the caller to judge; an unreachable server or a timeout throws
 * `errorClass`.
 */
export async function fetchText(
  url: string,
  init: Omit<RequestInit, 'signal' | 'redirect'>,
  { timeoutMs, signal, errorClass: SourceError, what }: FetchTextOptions,
): Promise<{ status: number; text: string }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      ...init,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'error',
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      throw new SourceError(
        `${url} did not answer${what ? ` ${what}` : ''} within ${timeoutMs} ms`,
        { cause: error },
      );
    }
    const cause = (error as Error)?.cause as Error | undefined;
    throw new SourceError(
      `request to ${url} failed: ${(error as Error)?.message}${
        cause?.message ? ` (${cause.message})` : ''
      }`,
      { cause: error },
    );
  }
}
