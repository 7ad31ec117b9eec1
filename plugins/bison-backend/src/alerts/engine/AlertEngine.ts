import { LoggerService } from '@backstage/backend-plugin-api';
import { formatMoneyWithCurrency } from '@bison/plugin-bison-common';
import { Knex } from 'knex';
import { AlertState, CLEAR, stepAlert } from '../alertState';
import { AlertFactsReader, AlertTeam } from '../facts/AlertFactsReader';
import {
  Observation,
  observeInstallation,
  observeTeam,
  TeamFacts,
} from '../observe';
import { AlertRule, ConditionRule, EventRule } from '../rules';
import { ChannelStore, StoredChannel } from '../store/ChannelStore';
import { CursorStore } from '../store/CursorStore';
import {
  NewAlertMessage,
  NOTIFICATIONS_CHANNEL,
  OutboxStore,
} from '../store/OutboxStore';
import { stateKey, StateStore, StoredAlertState } from '../store/StateStore';
import { NoticeContext, NoticeTeam, wordNotice } from '../wording/wordNotice';
import { EVENT_SOURCES, EventSource, TeamEvent } from './eventSources';

const INSTALLATION_RULES = new Set(['billing-lag', 'billing-failed']);
const EVENT_KINDS = new Set(['resumed', 'auto-recharge-done']);
const WRITES_PER_TRANSACTION = 200;
const EVENTS_PER_READ = 500;

export interface AlertEngineOptions {
  knex: Knex;
  rules: () => Promise<AlertRule[]>;
  facts: AlertFactsReader;
  states: StateStore;
  outbox: OutboxStore;
  channels: ChannelStore;
  cursors: CursorStore;
  notice: NoticeContext;
  /** How long a delivery is retried before it fails. */
  retryForMillis: number;
  /** Groups' e-mail addresses from the catalog, for the e-mail channel. */
  groupEmails?: (groupRefs: string[]) => Promise<Map<string, string>>;
  logger: LoggerService;
  clock?: () => Date;
  /** Told after messages were stored, to deliver them without waiting. */
  onMessages?: () => void;
}

/** One alert whose state changes in this evaluation. */
interface Step {
  rule: AlertRule & { condition: ConditionRule };
  team: AlertTeam | null;
  facts?: TeamFacts;
  observation: Observation;
  previous: StoredAlertState | undefined;
  next: AlertState;
  message?: { kind: 'firing' | 'repeat' | 'resolved'; key: string };
}

export interface EvaluationSummary {
  alerts: number;
  changed: number;
  messages: number;
}

const sameState = (a: AlertState, b: AlertState) =>
  a.level === b.level &&
  a.crossing === b.crossing &&
  a.repeats === b.repeats &&
  a.lastSentAt?.getTime() === b.lastSentAt?.getTime();

const applies = (rule: AlertRule, teamName: string) =>
  rule.teams === null || rule.teams.includes(teamName);

/**
 * Evaluates every rule for every team and stores what changed: each
 * alert's new state and, when it fires, repeats or resolves, one message
 * with a pending delivery per channel, in one transaction. A state is
 * written only if it is still the one read, and a message only once under
 * its key, so replicas evaluating at the same time, or one evaluation
 * repeated, store each message once.
 */
export class AlertEngine {
  private readonly clock: () => Date;

  constructor(private readonly options: AlertEngineOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  async evaluate(signal?: AbortSignal): Promise<EvaluationSummary> {
    const now = this.clock();
    const rules = (await this.options.rules()).filter(rule => rule.enabled);
    const [facts, states, channels] = await Promise.all([
      this.options.facts.read(now),
      this.options.states.all(),
      this.options.channels.list(),
    ]);
    const steps: Step[] = [];
    let alerts = 0;
    for (const rule of rules) {
      if (EVENT_KINDS.has(rule.condition.kind)) continue;
      const conditionRule = rule as Step['rule'];
      const observed: Array<Omit<Step, 'previous' | 'next' | 'message'>> = [];
      if (INSTALLATION_RULES.has(rule.condition.kind)) {
        for (const observation of observeInstallation(
          conditionRule.condition,
          facts.installation,
        )) {
          observed.push({ rule: conditionRule, team: null, observation });
        }
      } else {
        for (const { team, facts: teamFacts } of facts.teams) {
          if (!applies(rule, team.name)) continue;
          for (const observation of observeTeam(
            conditionRule.condition,
            teamFacts,
            now,
          )) {
            observed.push({
              rule: conditionRule,
              team,
              facts: teamFacts,
              observation,
            });
          }
        }
      }
      const seen = new Set<string>();
      for (const item of observed) {
        const key = stateKey(rule.id, item.observation.subject);
        seen.add(key);
        alerts += 1;
        const step = this.step(item, states.get(key), now);
        if (step) steps.push(step);
      }
      // A subject no longer observed (a deleted project, a team taken out
      // of the rule) clears without a message: nobody is left to tell.
      for (const [key, state] of states) {
        if (state.ruleId !== rule.id || seen.has(key) || state.level === 0) {
          continue;
        }
        steps.push({
          rule: conditionRule,
          team: null,
          observation: {
            subject: state.subject,
            level: 0,
            severity: state.severity,
            details: state.details,
          },
          previous: state,
          next: { ...state, level: 0 },
        });
      }
    }
    steps.sort((a, b) =>
      stateKey(a.rule.id, a.observation.subject).localeCompare(
        stateKey(b.rule.id, b.observation.subject),
      ),
    );
    let messages = 0;
    for (let i = 0; i < steps.length; i += WRITES_PER_TRANSACTION) {
      if (signal?.aborted) break;
      messages += await this.writeSteps(
        steps.slice(i, i + WRITES_PER_TRANSACTION),
        channels,
        now,
      );
    }
    messages += await this.readEvents(rules, facts.teams, channels, now);
    if (messages > 0) this.options.onMessages?.();
    return { alerts, changed: steps.length, messages };
  }

  private step(
    item: Omit<Step, 'previous' | 'next' | 'message'>,
    previous: StoredAlertState | undefined,
    now: Date,
  ): Step | undefined {
    const { state, message } = stepAlert(previous ?? CLEAR, item.observation, {
      repeatMinutes: item.rule.repeatMinutes,
      now,
    });
    if (previous ? sameState(previous, state) : sameState(CLEAR, state)) {
      return undefined;
    }
    return { ...item, previous, next: state, message };
  }

  private async writeSteps(
    steps: Step[],
    channels: StoredChannel[],
    now: Date,
  ): Promise<number> {
    const worded = await this.noticeTeams(
      steps.map(step => (step.message ? step.team : null)),
    );
    return this.options.knex.transaction(async trx => {
      let messages = 0;
      for (const [index, step] of steps.entries()) {
        const { observation, previous, next } = step;
        const firing = step.message?.kind === 'firing';
        const won = await this.options.states.write(
          trx,
          previous,
          {
            ...next,
            ruleId: step.rule.id,
            subject: observation.subject,
            teamId: step.team?.id ?? previous?.teamId ?? null,
            severity: observation.severity,
            details: next.level > 0 ? observation.details : {},
            since: sinceOf(firing, next.level, previous?.since, now),
          },
          now,
        );
        if (!won || !step.message) continue;
        const messageKey = `${step.rule.id}/${observation.subject}/${step.message.key}`;
        const stored = await this.options.outbox.record(
          trx,
          {
            key: messageKey,
            ruleId: step.rule.id,
            kind: step.rule.condition.kind,
            teamId: step.team?.id ?? null,
            subject: observation.subject,
            severity: observation.severity,
            notice: wordNotice({
              messageKey,
              ruleId: step.rule.id,
              condition: step.rule.condition,
              status: step.message.kind,
              severity: observation.severity,
              team: worded[index],
              subject: observation.subject,
              details:
                step.message.kind === 'resolved'
                  ? previous?.details ?? {}
                  : observation.details,
              facts: step.facts,
              occurredAt: now,
              context: this.options.notice,
            }),
          },
          this.channelsFor(step.rule, step.team, channels),
          now,
          new Date(now.getTime() + this.options.retryForMillis),
        );
        if (stored) messages += 1;
      }
      return messages;
    });
  }

  /** Turns new rows of each event source into messages of the event rules. */
  private async readEvents(
    rules: AlertRule[],
    teams: Array<{ team: AlertTeam }>,
    channels: StoredChannel[],
    now: Date,
  ): Promise<number> {
    const eventRules = rules.filter(rule =>
      EVENT_KINDS.has(rule.condition.kind),
    ) as Array<AlertRule & { condition: EventRule }>;
    const teamsById = new Map(teams.map(({ team }) => [team.id, team]));
    let messages = 0;
    for (const source of EVENT_SOURCES) {
      messages += await this.readSource(
        source,
        eventRules,
        teamsById,
        channels,
        now,
      );
    }
    return messages;
  }

  private async readSource(
    source: EventSource,
    rules: Array<AlertRule & { condition: EventRule }>,
    teamsById: Map<string, AlertTeam>,
    channels: StoredChannel[],
    now: Date,
  ): Promise<number> {
    const { knex, cursors } = this.options;
    const position = await cursors.position(source.name, () =>
      source.newestId(knex),
    );
    const { events, last } = await source.readAfter(
      knex,
      position,
      EVENTS_PER_READ,
    );
    if (last === position) return 0;
    const pending: Array<{
      rule: AlertRule;
      event: TeamEvent;
      team: AlertTeam;
    }> = [];
    for (const event of events) {
      const team = teamsById.get(event.teamId);
      if (!team) continue;
      for (const rule of rules) {
        if (rule.condition.kind === event.kind && applies(rule, team.name)) {
          pending.push({ rule, event, team });
        }
      }
    }
    const noticeTeams = await this.noticeTeams(pending.map(({ team }) => team));
    return knex.transaction(async trx => {
      let messages = 0;
      for (const [index, { rule, event, team }] of pending.entries()) {
        const messageKey = `${rule.id}/${team.name}/event/${source.name}/${event.id}`;
        const details = {
          ...event.details,
          ...(event.amount !== undefined
            ? {
                amount: formatMoneyWithCurrency(
                  event.amount,
                  this.options.notice.currency,
                  { precision: 'minorUnits', grouping: true },
                ),
              }
            : {}),
        };
        const message: NewAlertMessage = {
          key: messageKey,
          ruleId: rule.id,
          kind: rule.condition.kind,
          teamId: team.id,
          subject: team.name,
          severity: 'info',
          notice: wordNotice({
            messageKey,
            ruleId: rule.id,
            condition: rule.condition,
            status: 'event',
            severity: 'info',
            team: noticeTeams[index],
            subject: team.name,
            details,
            occurredAt: event.at,
            context: this.options.notice,
          }),
        };
        const stored = await this.options.outbox.record(
          trx,
          message,
          this.channelsFor(rule, team, channels),
          now,
          new Date(now.getTime() + this.options.retryForMillis),
        );
        if (stored) messages += 1;
      }
      await cursors.advance(trx, source.name, last, now);
      return messages;
    });
  }

  /**
   * Backstage notifications always; the rule's global channels; and every
   * channel of the team the alert is about.
   */
  private channelsFor(
    rule: AlertRule,
    team: AlertTeam | null,
    channels: StoredChannel[],
  ): string[] {
    const ids = [NOTIFICATIONS_CHANNEL];
    for (const channel of channels) {
      if (!channel.enabled) continue;
      const routed =
        channel.teamId === null
          ? rule.channels.includes(channel.id)
          : team !== null && channel.teamId === team.id;
      if (routed) ids.push(channel.id);
    }
    return ids;
  }

  /** The teams as notices name them, with their Groups' e-mail addresses. */
  private async noticeTeams(
    teams: Array<AlertTeam | null>,
  ): Promise<Array<NoticeTeam | null>> {
    const refs = [
      ...new Set(teams.flatMap(team => (team ? [team.groupRef] : []))),
    ];
    const emails =
      refs.length > 0 && this.options.groupEmails
        ? await this.options.groupEmails(refs).catch(error => {
            this.options.logger.warn(
              `Could not read the Groups' e-mail addresses: ${error}`,
            );
            return new Map<string, string>();
          })
        : new Map<string, string>();
    return teams.map(team => {
      if (!team) return null;
      const email = emails.get(team.groupRef);
      return { ...team, ...(email ? { email } : {}) };
    });
  }
}

/** When the alert started to hold: now when it fires, kept while it holds. */
function sinceOf(
  firing: boolean,
  level: number,
  previousSince: Date | null | undefined,
  now: Date,
): Date | null {
  if (firing) return now;
  if (level === 0) return null;
  return previousSince ?? now;
}
