import { ActivityQuery } from '../../api';
import { utcStartOfDay } from '../shared/time';

/**
 * The activity filter as the page's query string holds it: team, actor and
 * action as typed, dates as YYYY-MM-DD; empty when not filtered.
 */
export interface ActivityFilter {
  team: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const KEYS: (keyof ActivityFilter)[] = [
  'team',
  'actor',
  'action',
  'from',
  'to',
];

export const NO_ACTIVITY_FILTER: ActivityFilter = {
  team: '',
  actor: '',
  action: '',
  from: '',
  to: '',
};

/** The filter of a query string: `?team=ml-team&from=2026-03-01`. */
export function filterFromSearch(search: URLSearchParams): ActivityFilter {
  const filter = { ...NO_ACTIVITY_FILTER };
  for (const key of KEYS) filter[key] = search.get(key)?.trim() ?? '';
  return filter;
}

/** The query string of a filter, without its empty fields. */
export function filterToSearch(
  filter: Partial<ActivityFilter>,
): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) {
    const value = filter[key]?.trim();
    if (value) search.set(key, value);
  }
  return search;
}

export function isFiltered(filter: ActivityFilter): boolean {
  return KEYS.some(key => filter[key] !== '');
}

/**
 * The entity ref of an actor as typed: a bare name is a user of the default
 * namespace ('mia' is user:default/mia); anything else is sent as typed
 * (service:billing, user:ops/sam).
 */
export function actorRef(text: string): string | undefined {
  const actor = text.trim();
  if (!actor) return undefined;
  return /[:/]/.test(actor) ? actor : `user:default/${actor}`;
}

/**
 * What the backend is asked for: dates as UTC instants, `to` through the
 * end of its day; the fields not filtered left out.
 */
export function toActivityQuery(filter: ActivityFilter): ActivityQuery {
  const query: ActivityQuery = {
    team: filter.team || undefined,
    actor: actorRef(filter.actor),
    action: filter.action || undefined,
    from: utcStartOfDay(filter.from),
    to: utcStartOfDay(filter.to, { dayAfter: true }),
  };
  for (const key of Object.keys(query) as (keyof ActivityQuery)[]) {
    if (query[key] === undefined) delete query[key];
  }
  return query;
}

/** Why the query's dates cannot be asked for, if they cannot. */
export function dateRangeError(query: ActivityQuery): string | undefined {
  return query.from && query.to && query.from >= query.to
    ? "'To' must not be before 'From'"
    : undefined;
}
