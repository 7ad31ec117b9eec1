import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who acts: the user's entity ref, or `service:<subject>` for another
 * backend. Always taken from verified credentials, never from the request.
 */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  return `service:${principal.subject ?? 'unknown'}`;
}
