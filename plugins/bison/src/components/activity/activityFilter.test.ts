import {
  actorRef,
  dateRangeError,
  filterFromSearch,
  filterToSearch,
  isFiltered,
  NO_ACTIVITY_FILTER,
  toActivityQuery,
} from './activityFilter';

describe('activity filter', () => {
  it('reads the filter from a query string, trimmed, the rest empty', () => {
    expect(
      filterFromSearch(new URLSearchParams('team=ml-team&actor=%20mia%20&x=1')),
    ).toEqual({ ...NO_ACTIVITY_FILTER, team: 'ml-team', actor: 'mia' });
  });

  it('writes only the fields set to the query string', () => {
    expect(
      filterToSearch({
        ...NO_ACTIVITY_FILTER,
        team: 'ml-team',
        action: 'wallet-recharge',
        from: '2026-03-01',
      }).toString(),
    ).toBe('team=ml-team&action=wallet-recharge&from=2026-03-01');
    expect(filterToSearch({ team: 'ml team' }).toString()).toBe('team=ml+team');
    expect(filterToSearch(NO_ACTIVITY_FILTER).toString()).toBe('');
  });

  it('says whether anything is filtered', () => {
    expect(isFiltered(NO_ACTIVITY_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_ACTIVITY_FILTER, to: '2026-03-01' })).toBe(true);
  });

  it('takes a bare actor name for a user of the default namespace', () => {
    expect(actorRef(' mia ')).toBe('user:default/mia');
    expect(actorRef('user:ops/sam')).toBe('user:ops/sam');
    expect(actorRef('service:billing')).toBe('service:billing');
    expect(actorRef('  ')).toBeUndefined();
  });

  it('asks for whole UTC days, leaving out what is not filtered', () => {
    expect(
      toActivityQuery({
        team: 'ml-team',
        actor: 'mia',
        action: 'wallet-recharge',
        from: '2026-03-01',
        to: '2026-03-02',
      }),
    ).toEqual({
      team: 'ml-team',
      actor: 'user:default/mia',
      action: 'wallet-recharge',
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-03T00:00:00Z',
    });
    expect(toActivityQuery(NO_ACTIVITY_FILTER)).toEqual({});
  });

  it("refuses a 'to' before the 'from'", () => {
    const query = toActivityQuery({
      ...NO_ACTIVITY_FILTER,
      from: '2026-03-02',
      to: '2026-03-01',
    });
    expect(dateRangeError(query)).toBe("'To' must not be before 'From'");
    expect(
      dateRangeError(
        toActivityQuery({
          ...NO_ACTIVITY_FILTER,
          from: '2026-03-02',
          to: '2026-03-02',
        }),
      ),
    ).toBeUndefined();
  });
});
