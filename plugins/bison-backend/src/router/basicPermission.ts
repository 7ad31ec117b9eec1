import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { RouteContext } from './types';

/** Whether the caller holds a basic permission. */
export async function holdsBasicPermission(
  ctx: Pick<RouteContext, 'permissions'>,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<boolean> {
  const [decision] = await ctx.permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws NotAllowedError unless the caller holds a basic permission. */
export async function assertBasicPermission(
  ctx: Pick<RouteContext, 'permissions'>,
  credentials: BackstageCredentials,
  permission: BasicPermission,
): Promise<void> {
  if (!(await holdsBasicPermission(ctx, credentials, permission))) {
    throw new NotAllowedError(`not allowed to ${permission.name}`);
  }
}
