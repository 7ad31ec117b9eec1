import { InputError } from '@backstage/errors';
import {
  parseMoney,
  teamReadPermission,
  walletRechargePermission,
} from '@bison/plugin-bison-common';
import * as api from '../schema/openapi/generated/models';
import {
  AutoRechargePolicy,
  RechargeSchedule,
} from '../wallet/autoRecharge/AutoRechargePolicy';
import { actorOf } from './actor';
import { audited } from './audited';
import { parseField, rejectUnknownFields } from './fieldErrors';
import { moneyFormatter } from './responses';
import { ApiRouter, RouteContext } from './types';

export function registerAutoRechargeRoutes(
  router: ApiRouter,
  ctx: RouteContext,
) {
  const { httpAuth, authorizer, autoRecharge, settings } = ctx;
  const money = moneyFormatter(settings);

  function policyResponse(policy?: AutoRechargePolicy): api.AutoRechargePolicy {
    if (!policy) {
      return {
        enabled: false,
        scheduled: null,
        threshold: null,
        monthlyCap: null,
      };
    }
    const { scheduled, threshold } = policy;
    return {
      enabled: policy.enabled,
      scheduled: scheduled
        ? {
            ...scheduled.schedule,
            amount: money(scheduled.amount),
          }
        : null,
      threshold: threshold
        ? { below: money(threshold.below), topUpTo: money(threshold.topUpTo) }
        : null,
      monthlyCap:
        policy.monthlyCap === undefined ? null : money(policy.monthlyCap),
      effectiveFrom: policy.effectiveFrom,
      updatedAt: policy.updatedAt,
      updatedBy: policy.updatedBy,
    };
  }

  router.get('/teams/:team/wallet/auto-recharge', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      teamReadPermission,
      req.params.team,
    );
    res.json(policyResponse(await autoRecharge.getPolicy(team.id)));
  });

  router.put('/teams/:team/wallet/auto-recharge', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const team = await authorizer.authorizeTeam(
      credentials,
      walletRechargePermission,
      req.params.team,
    );
    const amount = (field: string, text: unknown) => {
      const value = parseField(field, () =>
        parseMoney(text as string, {
          maxDecimals: settings.currency.minorUnits,
        }),
      );
      if (value === 0n)
        throw new InputError(`'${field}' must be greater than zero`);
      return value;
    };
    const body = req.body;
    rejectUnknownFields(body, [
      'enabled',
      'scheduled',
      'threshold',
      'monthlyCap',
    ]);

    let scheduled: AutoRechargePolicy['scheduled'];
    if (body.scheduled) {
      rejectUnknownFields(body.scheduled, [
        'every',
        'weekday',
        'dayOfMonth',
        'amount',
      ]);
      scheduled = {
        schedule: parseSchedule(body.scheduled),
        amount: amount('scheduled.amount', body.scheduled.amount),
      };
    }
    let threshold: AutoRechargePolicy['threshold'];
    if (body.threshold) {
      rejectUnknownFields(body.threshold, ['below', 'topUpTo']);
      const below = parseField('threshold.below', () =>
        parseMoney(body.threshold!.below, {
          maxDecimals: settings.currency.minorUnits,
        }),
      );
      const topUpTo = amount('threshold.topUpTo', body.threshold.topUpTo);
      if (topUpTo <= below) {
        throw new InputError(
          "'threshold.topUpTo' must be greater than 'threshold.below'",
        );
      }
      threshold = { below, topUpTo };
    }
    const monthlyCap =
      body.monthlyCap === null || body.monthlyCap === undefined
        ? undefined
        : amount('monthlyCap', body.monthlyCap);
    if (body.enabled && !scheduled && !threshold) {
      throw new InputError(
        "an enabled policy needs 'scheduled' or 'threshold'",
      );
    }

    const now = new Date();
    const previous = await autoRecharge.getPolicy(team.id);
    const sameSchedule =
      previous?.enabled &&
      body.enabled &&
      previous.scheduled &&
      scheduled &&
      JSON.stringify(previous.scheduled.schedule) ===
        JSON.stringify(scheduled.schedule) &&
      previous.scheduled.amount === scheduled.amount;
    const policy: AutoRechargePolicy = {
      enabled: body.enabled,
      scheduled,
      threshold,
      monthlyCap,
      // Editing other parts of an enabled policy keeps the schedule's
      // catch-up window; a new schedule or re-enabling starts from now.
      effectiveFrom: sameSchedule ? previous.effectiveFrom : now,
      updatedAt: now,
      updatedBy: actorOf(credentials),
    };

    await audited(
      ctx,
      req,
      {
        action: 'wallet-auto-recharge-update',
        team,
        meta: { enabled: body.enabled },
        summary: () =>
          body.enabled ? 'Changed auto-recharge' : 'Turned auto-recharge off',
        before: () => (previous ? policyResponse(previous) : null),
        after: () => policyResponse(policy),
      },
      () => autoRecharge.putPolicy(team.id, policy),
    );
    res.json(policyResponse(policy));
  });
}

function parseSchedule(input: api.AutoRechargeSchedule): RechargeSchedule {
  if (input.every === 'week') {
    const weekday = input.weekday;
    if (!Number.isInteger(weekday) || weekday! < 1 || weekday! > 7) {
      throw new InputError(
        "'scheduled.weekday' must be 1 (Monday) to 7 (Sunday) for weekly top-ups",
      );
    }
    return { every: 'week', weekday: weekday! };
  }
  const day = input.dayOfMonth;
  if (!Number.isInteger(day) || day! < 1 || day! > 28) {
    throw new InputError(
      "'scheduled.dayOfMonth' must be 1 to 28 for monthly top-ups",
    );
  }
  return { every: 'month', dayOfMonth: day! };
}
