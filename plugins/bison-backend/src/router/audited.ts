import { AuditorService } from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { actorOf } from './actor';
import { RouteContext } from './types';

type AuditMeta = NonNullable<
  Parameters<AuditorService['createEvent']>[0]['meta']
>;

type TeamRef = { id: string; name: string };

/** A change as the auditor and the activity log record it. */
export interface AuditedChange<T> {
  /** The auditor's event id, also the activity's action. */
  action: string;
  /** The team changed; for a new team, taken from the result. */
  team?: TeamRef | null | ((result: T) => TeamRef);
  subject?: string;
  /** More for the auditor's event than team and subject. */
  meta?: AuditMeta;
  /** Read after the change, so that the change can note what it replaced. */
  before?: (result: T) => unknown;
  summary: (result: T) => string;
  after?: (result: T) => unknown;
  /** False for a retry answered with the first result: nothing new to log. */
  changed?: (result: T) => boolean;
}

/**
 * Runs a change as an auditor event that records success or failure, and
 * keeps a successful one in the activity log.
 */
export async function audited<T>(
  ctx: RouteContext,
  req: Request,
  change: AuditedChange<T>,
  run: () => Promise<T>,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId: change.action,
    request: req,
    severityLevel: 'medium',
    meta: {
      ...(change.team && typeof change.team !== 'function'
        ? { team: change.team.name }
        : {}),
      ...(change.subject ? { subject: change.subject } : {}),
      ...change.meta,
    },
  });
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
  await event.success();
  if (change.changed?.(result) === false) return result;
  const team =
    typeof change.team === 'function' ? change.team(result) : change.team;
  try {
    await ctx.activity.record({
      actor: actorOf(await ctx.httpAuth.credentials(req)),
      action: change.action,
      team: team ? { id: team.id, name: team.name } : null,
      subject: change.subject,
      summary: change.summary(result),
      before: change.before?.(result),
      after: change.after?.(result),
    });
  } catch (error) {
    // The change is made; a lost log entry must not turn it into a failure.
    ctx.logger.error(
      `Could not record ${change.action} in the activity log: ${error}`,
    );
  }
  return result;
}
