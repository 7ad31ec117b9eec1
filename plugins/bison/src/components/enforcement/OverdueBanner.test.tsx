import { act, render, screen } from '@testing-library/react';
import { aTeamEnforcement, usd } from '../../__testUtils__/fixtures';
import { OverdueBanner } from './OverdueBanner';

describe('OverdueBanner', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts down live to the end of the grace period', () => {
    render(
      <OverdueBanner
        enforcement={aTeamEnforcement({
          state: 'overdue',
          balance: '-150.00',
          overdueSince: '2026-11-30T11:00:00Z',
          graceEndsAt: '2026-12-01T10:10:30Z',
          settings: { ...aTeamEnforcement().settings, creditLimit: '100.00' },
        })}
        currency={usd}
      />,
    );
    const countdown = () => screen.getByTestId('grace-countdown');
    expect(screen.getByTestId('overdue-banner')).toHaveTextContent(
      'The balance is below -$100.00 since 2026-11-30',
    );
    expect(countdown()).toHaveTextContent(
      'Suspended in 10 minutes unless recharged.',
    );

    act(() => jest.advanceTimersByTime(60_000));
    expect(countdown()).toHaveTextContent(
      'Suspended in 9 minutes unless recharged.',
    );

    act(() => jest.advanceTimersByTime(10 * 60_000));
    expect(countdown()).toHaveTextContent(
      'The grace period is over: the team is suspended shortly unless recharged.',
    );
  });
});
