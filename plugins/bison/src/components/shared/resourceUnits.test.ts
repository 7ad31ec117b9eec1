import { formatUnitHours, unitOfResource } from './resourceUnits';

describe('unitOfResource', () => {
  it.each([
    ['cpu', 'core-hour'],
    ['memory', 'GiB-hour'],
    ['nvidia.com/gpu', 'device-hour'],
    ['nvidia.com/gpu:NVIDIA-A100-SXM4-80GB', 'device-hour'],
    ['nvidia.com/mig-1g.10gb', 'device-hour'],
  ])('prices %s per %s', (resource, unit) => {
    expect(unitOfResource(resource)).toBe(unit);
  });
});

describe('formatUnitHours', () => {
  it('rounds the decimal string to two places with the plural unit', () => {
    expect(formatUnitHours('123.4567891', 'cpu')).toBe('123.46 core-hours');
    expect(formatUnitHours('64', 'memory')).toBe('64 GiB-hours');
    expect(formatUnitHours('0.001', 'nvidia.com/gpu')).toBe(
      '<0.01 device-hours',
    );
    expect(formatUnitHours('0', 'nvidia.com/gpu')).toBe('0 device-hours');
  });
});
