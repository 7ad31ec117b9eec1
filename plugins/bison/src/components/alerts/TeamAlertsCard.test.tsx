import { act, screen, within } from '@testing-library/react';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  anAlertChannel,
  anAlertDelivery,
  mockBisonApi,
} from '../../__testUtils__/fixtures';
import { TeamAlertsCard } from './TeamAlertsCard';

const teamAlerts = {
  firing: [
    {
      rule: 'ml-low',
      kind: 'low-balance-percent' as const,
      subject: 'ml-team',
      severity: 'warning' as const,
      level: 2,
      since: '2026-12-01T10:00:00.000Z',
      details: {},
    },
    {
      rule: 'quota',
      kind: 'quota' as const,
      subject: 'project:ml-training',
      severity: 'critical' as const,
      level: 1,
      since: null,
      details: {},
    },
  ],
  history: { items: [anAlertDelivery('4')], nextCursor: null },
};

describe('TeamAlertsCard', () => {
  it('shows what fires, the latest messages and, for who may update the team, its channels', async () => {
    const api = mockBisonApi({
      getTeamAlerts: async () => teamAlerts,
      listAlertChannels: async () => ({
        items: [
          anAlertChannel({
            id: 't1',
            name: 'ML Slack',
            type: 'slack',
            team: 'ml-team',
          }),
        ],
        types: [{ type: 'slack', title: 'Slack incoming webhook' }],
      }),
    });
    await renderWithApis(<TeamAlertsCard team="ml-team" />, {
      bison: api,
      authorize: () => ALLOW,
    });
    expect(
      await screen.findByText('Low balance (share of last recharge)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Quota use (ml-training)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Machine Learning: balance below 25 % of the last recharge',
      ),
    ).toBeInTheDocument();
    const channels = (await screen.findByText('Team channels')).closest(
      '[class*="MuiCard-root"]',
    ) as HTMLElement;
    expect(await within(channels).findByText('ML Slack')).toBeInTheDocument();
    expect(api.listAlertChannels).toHaveBeenCalledWith({ team: 'ml-team' });
  });

  it('shows nothing firing and no channels to a reader', async () => {
    await renderWithApis(<TeamAlertsCard team="data-team" />, {
      bison: mockBisonApi(),
      authorize: () => DENY,
    });
    expect(await screen.findByText('Nothing is firing.')).toBeInTheDocument();
    expect(
      await screen.findByText('No alert was sent to this team yet.'),
    ).toBeInTheDocument();
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(screen.queryByText('Team channels')).not.toBeInTheDocument();
  });
});
