import { ConflictError } from '@backstage/errors';

/**
 * Runs a read-modify-patch that carries the object's resourceVersion, again
 * when someone changed the object in between (HTTP 409), a few times.
 */
export async function withConflictRetry<T>(
  attempt: () => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConflictError) || i >= attempts) throw error;
    }
  }
}
