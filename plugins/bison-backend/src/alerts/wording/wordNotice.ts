import {
  Currency,
  formatMoneyWithCurrency,
  Micros,
} from '@bison/plugin-bison-common';
import { AlertNotice } from '@bison/plugin-bison-node';
import { createHash } from 'node:crypto';
import { MessageKind } from '../alertState';
import { TeamFacts } from '../observe';
import { AlertSeverity, RuleCondition } from '../rules';

export interface NoticeContext {
  currency: Currency;
  /** The app's base URL, for links to team pages. */
  appBaseUrl: string;
}

export interface NoticeTeam {
  name: string;
  displayName: string;
  groupRef: string;
  email?: string;
}

/** A notice's id: short, stable per message key, no dots (Standard Webhooks). */
export function noticeId(messageKey: string): string {
  return `msg_${createHash('sha256')
    .update(messageKey)
    .digest('hex')
    .slice(0, 32)}`;
}

export function teamLink(context: NoticeContext, team: string): string {
  return `${context.appBaseUrl.replace(
    /\/+$/,
    '',
  )}/bison/teams/${encodeURIComponent(team)}`;
}

/** What each rule kind says when it fires, in a sentence and a title. */
function headline(
  condition: RuleCondition,
  who: string,
  details: Record<string, string | number>,
  money: (micros: Micros) => string,
): { title: string; cleared: string } {
  switch (condition.kind) {
    case 'low-balance':
      return {
        title: `${who}: balance below ${money(condition.below)}`,
        cleared: `${who}: balance back above ${money(condition.below)}`,
      };
    case 'low-balance-percent':
      return {
        title: `${who}: balance below ${details.percent} % of the last recharge`,
        cleared: `${who}: balance recovered`,
      };
    case 'low-runway':
      return {
        title: `${who}: less than ${condition.days} days of balance left`,
        cleared: `${who}: more than ${condition.days} days of balance left`,
      };
    case 'overdue':
      return {
        title: `${who} is overdue`,
        cleared: `${who} is no longer overdue`,
      };
    case 'grace-ending':
      return {
        title: `${who}: grace period ends within ${condition.hoursBefore} hours`,
        cleared: `${who}: grace period no longer ending`,
      };
    case 'suspended':
      return {
        title: `${who} is suspended`,
        cleared: `${who} is no longer suspended`,
      };
    case 'quota':
      return {
        title: `${who}: quota ${details.percent} % used`,
        cleared: `${who}: quota use below ${condition.percent} %`,
      };
    case 'auto-recharge-failed':
      return {
        title: `${who}: auto-recharge failed`,
        cleared: `${who}: auto-recharge works again`,
      };
    case 'billing-lag':
      return {
        title: `Billing is ${details.windows} windows behind`,
        cleared: 'Billing caught up',
      };
    case 'billing-failed':
      return {
        title: `Billing failed for ${details.windows} windows`,
        cleared: 'Billing of the failed windows succeeded',
      };
    case 'resumed':
      return { title: `${who} was resumed`, cleared: '' };
    case 'auto-recharge-done':
      return {
        title: `${who}: auto-recharged ${details.amount}`,
        cleared: '',
      };
    default:
      return { title: `${who}: alert`, cleared: '' };
  }
}

function teamFacts(
  facts: TeamFacts,
  money: (micros: Micros) => string,
): AlertNotice['facts'] {
  const list = [
    { label: 'Balance', value: money(facts.balance) },
    { label: 'State', value: facts.state },
  ];
  if (facts.lastRecharge !== null) {
    list.push({ label: 'Last recharge', value: money(facts.lastRecharge) });
  }
  if (facts.burnRatePerDay > 0n) {
    list.push({ label: 'Spend per day', value: money(facts.burnRatePerDay) });
  }
  if (facts.graceEndsAt) {
    list.push({ label: 'Grace ends', value: facts.graceEndsAt.toISOString() });
  }
  if (facts.autoRechargeError) {
    list.push({ label: 'Auto-recharge error', value: facts.autoRechargeError });
  }
  return list;
}

/**
 * Words one message of a rule for every channel: a title, a summary and
 * facts from the team's state at the time. `subject` names a project for
 * project quota alerts (`project:<namespace>`).
 */
export function wordNotice(input: {
  messageKey: string;
  ruleId: string;
  condition: RuleCondition;
  status: MessageKind | 'event';
  severity: AlertSeverity;
  team: NoticeTeam | null;
  subject: string;
  details: Record<string, string | number>;
  facts?: TeamFacts;
  occurredAt: Date;
  context: NoticeContext;
}): AlertNotice {
  const { condition, team, subject, context } = input;
  const money = (micros: Micros) =>
    formatMoneyWithCurrency(micros, context.currency, {
      precision: 'minorUnits',
      grouping: true,
    });
  const project = subject.startsWith('project:')
    ? subject.slice('project:'.length)
    : undefined;
  const who = team
    ? `${team.displayName}${project ? ` / ${project}` : ''}`
    : 'Bison';
  const words = headline(condition, who, input.details, money);
  const titles: Partial<Record<AlertNotice['status'], string>> = {
    resolved: words.cleared,
    repeat: `Still: ${words.title}`,
  };
  const title = titles[input.status] ?? words.title;
  const summary =
    input.status === 'resolved'
      ? `Resolved: ${words.cleared}.`
      : `${words.title}.${
          input.details.error ? ` ${input.details.error}` : ''
        }`;
  return {
    id: noticeId(input.messageKey),
    status: input.status,
    rule: { id: input.ruleId, kind: condition.kind },
    severity: input.status === 'resolved' ? 'info' : input.severity,
    team: team
      ? {
          name: team.name,
          displayName: team.displayName,
          groupRef: team.groupRef,
          ...(team.email ? { email: team.email } : {}),
        }
      : null,
    subject,
    title,
    summary,
    facts: input.facts ? teamFacts(input.facts, money) : [],
    ...(team ? { link: teamLink(context, team.name) } : {}),
    occurredAt: input.occurredAt.toISOString(),
  };
}
