import { AuditorService } from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { RouteContext } from './types';

type AuditMeta = NonNullable<
  Parameters<AuditorService['createEvent']>[0]['meta']
>;

/** Runs a change as an auditor event that records success or failure. */
export async function audited<T>(
  ctx: RouteContext,
  req: Request,
  eventId: string,
  meta: AuditMeta,
  change: () => Promise<T>,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId,
    request: req,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await change();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
