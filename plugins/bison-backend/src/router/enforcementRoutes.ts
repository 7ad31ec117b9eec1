import {
  reportsReadPermission,
  teamReadPermission,
  teamSuspendPermission,
} from '@bison/plugin-bison-common';
import { Request, Response } from 'express';
import { TeamEnforcement } from '../enforcement/EnforcementService';
import { describeBefore } from '../enforcement/ladder/planActions';
import {
  EnforcementOverrides,
  EnforcementSettings,
} from '../enforcement/settings';
import * as api from '../schema/openapi/generated/models';
import { Team } from '../tenancy/TeamStore';
import { actorOf } from './actor';
import { audited } from './audited';
import { rejectUnknownFields, requireText } from './fieldErrors';
import { moneyFormatter } from './responses';
import { ApiRouter, RouteContext } from './types';
import { holdsBasicPermission } from './basicPermission';

export function registerEnforcementRoutes(
  router: ApiRouter,
  ctx: RouteContext,
) {
  const { httpAuth, authorizer, enforcement, settings } = ctx;
  const money = moneyFormatter(settings);
  const optionalMoney = (value?: bigint) =>
    value === undefined ? null : money(value);

  const settingsResponse = (
    s: EnforcementSettings,
  ): api.EnforcementSettings => ({
    mode: s.mode,
    lowBalance: optionalMoney(s.lowBalance),
    lowRunwayDays: s.lowRunwayDays ?? null,
    creditLimit: money(s.creditLimit),
    graceHours: s.graceHours,
    resumeBalance: money(s.resumeBalance),
    steps: s.steps,
  });

  const overridesResponse = (
    o: EnforcementOverrides,
  ): api.EnforcementOverrides => ({
    mode: o.mode ?? null,
    lowBalance: optionalMoney(o.lowBalance),
    lowRunwayDays: o.lowRunwayDays ?? null,
    creditLimit: optionalMoney(o.creditLimit),
    graceHours: o.graceHours ?? null,
    resumeBalance: optionalMoney(o.resumeBalance),
    steps: o.steps ?? null,
  });

  function enforcementResponse(
    team: Team,
    e: TeamEnforcement,
  ): api.Enforcement {
    const s = e.suspension;
    return {
      team: team.name,
      state: e.row.state,
      balance: money(e.row.balance),
      overdueSince: e.row.overdueSince ?? null,
      graceEndsAt: e.graceEndsAt ?? null,
      forecast: {
        burnRatePerDay: money(e.forecast.perDay),
        basis: e.forecast.basis,
        runOutAt: e.forecast.runOutAt ?? null,
      },
      settings: settingsResponse(e.settings),
      defaults: settingsResponse(e.defaults),
      overrides: overridesResponse(e.overrides),
      suspension: s
        ? {
            id: s.id,
            trigger: s.trigger,
            reason: s.reason,
            held: s.held,
            actor: s.actor,
            startedAt: s.startedAt,
            status: s.status,
            cluster: s.cluster,
            actions: s.actions.map(a => ({
              step: a.step,
              kind: a.kind,
              ...(a.namespace ? { namespace: a.namespace } : {}),
              name: a.name,
              before: describeBefore(a),
              ...(typeof a.before === 'number' ? { replicas: a.before } : {}),
              status: a.status,
              ...(a.error ? { error: a.error } : {}),
            })),
            ...(s.resumedAt ? { resumedAt: s.resumedAt } : {}),
            ...(s.resumedBy ? { resumedBy: s.resumedBy } : {}),
            ...(s.resumeReason ? { resumeReason: s.resumeReason } : {}),
          }
        : null,
      ...(e.preview
        ? {
            preview: e.preview.available
              ? e.preview
              : {
                  available: false,
                  reason: e.preview.reason,
                  namespaces: [],
                  workloads: [],
                  gpus: 0,
                },
          }
        : {}),
    };
  }

  const respond = async (res: Response, team: Team, preview: boolean) =>
    res.json(
      enforcementResponse(team, await enforcement.describe(team, { preview })),
    );

  router.get('/teams/:team/enforcement', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    await respond(res, team, String(req.query.preview) !== 'false');
  });

  /**
   * A team-scoped change by a user with bison.team.suspend, audited; the
   * activity log keeps what was sent.
   */
  const change =
    (
      action: string,
      summary: string,
      run: (team: Team, req: Request, actor: string) => Promise<void>,
    ) =>
    async (req: Request<{ team: string }>, res: Response) => {
      const credentials = await httpAuth.credentials(req);
      const team = await authorizer.authorizeTeam(
        credentials,
        teamSuspendPermission,
        req.params.team,
      );
      await audited(
        ctx,
        req,
        { action, team, summary: () => summary, after: () => req.body },
        () => run(team, req, actorOf(credentials)),
      );
      await respond(res, team, false);
    };

  router.put(
    '/teams/:team/enforcement',
    change(
      'enforcement-settings',
      'Changed the enforcement settings',
      (team, req, actor) => {
        rejectUnknownFields(req.body, [
          'mode',
          'lowBalance',
          'lowRunwayDays',
          'creditLimit',
          'graceHours',
          'resumeBalance',
          'steps',
        ]);
        return enforcement.putOverrides(team, req.body, actor);
      },
    ),
  );

  router.post(
    '/teams/:team/suspend',
    change('team-suspend', 'Suspended the team', (team, req, actor) => {
      rejectUnknownFields(req.body, ['reason', 'hold']);
      return enforcement.suspend(team, {
        reason: requireText('reason', req.body.reason),
        // Absent: a new suspension is not held, a current one keeps its hold.
        held: typeof req.body.hold === 'boolean' ? req.body.hold : undefined,
        actor,
      });
    }),
  );

  router.post(
    '/teams/:team/resume',
    change('team-resume', 'Resumed the team', (team, req, actor) => {
      rejectUnknownFields(req.body, ['reason']);
      return enforcement.resume(team, {
        reason: requireText('reason', req.body.reason),
        actor,
      });
    }),
  );

  router.get('/enforcement/teams', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const readsAll = await holdsBasicPermission(
      ctx,
      credentials,
      reportsReadPermission,
    );
    const filter = readsAll
      ? 'all'
      : await authorizer.teamFilter(credentials, teamReadPermission);
    const entries =
      filter === 'none'
        ? []
        : await enforcement.atRisk(filter === 'all' ? undefined : filter);
    res.json({
      items: entries.map(entry => ({
        team: entry.row.teamName,
        displayName: entry.row.displayName,
        state: entry.row.state,
        balance: money(entry.row.balance),
        burnRatePerDay: money(entry.row.burnRatePerDay),
        runOutAt: entry.runOutAt ?? null,
        graceEndsAt: entry.graceEndsAt ?? null,
        suspendedAt: entry.suspendedAt ?? null,
      })),
    });
  });
}
