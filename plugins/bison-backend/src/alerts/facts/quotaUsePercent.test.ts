import { quotaUsePercent } from './quotaUsePercent';

describe('quotaUsePercent', () => {
  it('takes the most used resource, rounded down, across units', () => {
    expect(
      quotaUsePercent({
        hard: { 'requests.cpu': '10', 'requests.memory': '64Gi' },
        used: { 'requests.cpu': '8999m', 'requests.memory': '32Gi' },
      }),
    ).toBe(89);
    expect(
      quotaUsePercent({
        hard: { 'requests.nvidia.com/gpu': '4' },
        used: { 'requests.nvidia.com/gpu': '5' },
      }),
    ).toBe(125);
  });

  it('is 0 without limits, and ignores unlimited or unreadable keys', () => {
    expect(quotaUsePercent({ hard: {}, used: { pods: '3' } })).toBe(0);
    expect(
      quotaUsePercent({
        hard: { pods: '0', cpu: 'x' },
        used: { pods: '3', cpu: '1' },
      }),
    ).toBe(0);
  });
});
