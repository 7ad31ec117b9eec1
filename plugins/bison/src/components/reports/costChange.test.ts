import { changeDirection, formatChangePercent } from './costChange';

describe('changeDirection', () => {
  it('reads the sign of the amount', () => {
    expect(changeDirection('12.00')).toBe('up');
    expect(changeDirection('0.000001')).toBe('up');
    expect(changeDirection('-3.50')).toBe('down');
    expect(changeDirection('0.00')).toBe('none');
    expect(changeDirection('-0.00')).toBe('none');
  });
});

describe('formatChangePercent', () => {
  it('signs increases and keeps decreases and zero as sent', () => {
    expect(formatChangePercent('25.0')).toBe('+25.0%');
    expect(formatChangePercent('-12.5')).toBe('-12.5%');
    expect(formatChangePercent('0.0')).toBe('0.0%');
  });

  it('has nothing to show without a previous cost', () => {
    expect(formatChangePercent(null)).toBeUndefined();
  });
});
