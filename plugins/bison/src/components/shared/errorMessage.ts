import { ResponseError } from '@backstage/errors';

/**
 * The message to show for a failed request: the backend's own message for a
 * `ResponseError` (e.g. "'amount' has more than 2 decimal places"), else the
 * error's message.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

function hasStatus(error: unknown, status: number): boolean {
  return (
    error instanceof ResponseError &&
    (error.statusCode === status || error.body?.response?.statusCode === status)
  );
}

/** Whether a request failed with 404 Not Found. */
export function isNotFound(error: unknown): boolean {
  return hasStatus(error, 404);
}

/** Whether a request failed with 403 Forbidden. */
export function isForbidden(error: unknown): boolean {
  return hasStatus(error, 403);
}
