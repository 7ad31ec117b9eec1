import { aReconciliationCheck } from '../../../__testUtils__/fixtures';
import { lastCheckText } from './lastCheckText';

const now = new Date('2026-11-02T13:00:00Z');
const startedAt = '2026-11-02T10:00:00.000Z';

describe('lastCheckText', () => {
  it('says what the last check compared and found', () => {
    expect(
      lastCheckText(aReconciliationCheck({ startedAt, differences: 1 }), now),
    ).toMatch(
      /^Last checked .* \(3 hours ago\) on schedule: 48 windows, 1 difference\.$/,
    );
  });

  it('names who ran a manual check', () => {
    expect(
      lastCheckText(
        aReconciliationCheck({
          startedAt,
          trigger: 'manual',
          actor: 'user:default/guest',
          differences: 0,
        }),
        now,
      ),
    ).toMatch(/by guest: 48 windows, 0 differences\.$/);
  });

  it('shows why a check failed', () => {
    expect(
      lastCheckText(
        aReconciliationCheck({
          startedAt,
          status: 'failed',
          error: 'OpenCost answered 503',
        }),
        now,
      ),
    ).toMatch(/failed: OpenCost answered 503\.$/);
  });

  it('says when nothing was checked yet', () => {
    expect(lastCheckText(undefined)).toBe('Not checked yet.');
  });
});
