import { InputError } from '@backstage/errors';
import {
  parseIsoInstant,
  reportsReadPermission,
  teamReadPermission,
} from '@bison/plugin-bison-common';
import { ActivityScope } from '../activity/ActivityStore';
import { ActivityEntry } from '../activity/types';
import * as api from '../schema/openapi/generated/models';
import { parseField } from './fieldErrors';
import { ApiRouter, RouteContext } from './types';
import { holdsBasicPermission } from './basicPermission';

const CURSOR = /^[1-9][0-9]{0,18}$/;

function entryView(entry: ActivityEntry): api.ActivityEntry {
  return {
    id: entry.id.toString(),
    occurredAt: entry.occurredAt,
    actor: entry.actor,
    action: entry.action,
    team: entry.team?.name ?? null,
    ...(entry.subject ? { subject: entry.subject } : {}),
    summary: entry.summary,
    ...(entry.before === undefined ? {} : { before: entry.before }),
    ...(entry.after === undefined ? {} : { after: entry.after }),
  };
}

export function registerActivityRoutes(router: ApiRouter, ctx: RouteContext) {
  const { httpAuth, authorizer, activity } = ctx;

  router.get('/activity', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // The generated type names `from` `_from`; the request carries `from`.
    const query = req.query as typeof req.query & { from?: string };
    const instant = (field: 'from' | 'to') => {
      const text = query[field];
      return text === undefined
        ? undefined
        : parseField(field, () => parseIsoInstant(text));
    };
    const from = instant('from');
    const to = instant('to');
    if (from && to && from >= to) {
      throw new InputError("'from' must be before 'to'");
    }
    if (query.cursor !== undefined && !CURSOR.test(query.cursor)) {
      throw new InputError("'cursor' is not a cursor of this list");
    }

    const readsAll = await holdsBasicPermission(
      ctx,
      credentials,
      reportsReadPermission,
    );
    let scope: ActivityScope = { kind: 'all' };
    let teamId: string | undefined;
    if (query.team !== undefined) {
      const team = readsAll
        ? await ctx.teams.getTeam(query.team)
        : await authorizer.authorizeTeam(
            credentials,
            teamReadPermission,
            query.team,
          );
      if (!team) {
        res.json({ items: [] });
        return;
      }
      teamId = team.id;
    } else if (!readsAll) {
      const readable = await authorizer.teamIds(
        credentials,
        teamReadPermission,
      );
      // Installation-wide changes are for finance and admins only.
      scope =
        readable === 'all'
          ? { kind: 'every team' }
          : { kind: 'teams', teamIds: readable };
    }

    const limit = query.limit ?? 50;
    const page = await activity.list({
      scope,
      teamId,
      actor: query.actor,
      action: query.action,
      from,
      to,
      before: query.cursor === undefined ? undefined : BigInt(query.cursor),
      limit,
    });
    res.json({
      items: page.items.map(entryView),
      ...(page.more
        ? { nextCursor: page.items[page.items.length - 1].id.toString() }
        : {}),
    });
  });
}
