import { joinQuantity, splitQuantity } from './quantityInput';

describe('joinQuantity', () => {
  it('keeps the unit chosen next to the number', () => {
    expect(joinQuantity({ amount: '64', unit: 'Gi' }, 'memory')).toEqual({
      ok: true,
      quantity: '64Gi',
    });
    expect(joinQuantity({ amount: '512', unit: 'Mi' }, 'memory')).toEqual({
      ok: true,
      quantity: '512Mi',
    });
    expect(joinQuantity({ amount: '1.5', unit: 'Ti' }, 'memory')).toEqual({
      ok: true,
      quantity: '1.5Ti',
    });
    expect(joinQuantity({ amount: '500', unit: 'millicores' }, 'cpu')).toEqual({
      ok: true,
      quantity: '500m',
    });
    expect(joinQuantity({ amount: '2', unit: 'cores' }, 'cpu')).toEqual({
      ok: true,
      quantity: '2',
    });
    expect(joinQuantity({ amount: '0.25', unit: 'cores' }, 'cpu')).toEqual({
      ok: true,
      quantity: '0.25',
    });
    expect(joinQuantity({ amount: '4', unit: '' }, 'count')).toEqual({
      ok: true,
      quantity: '4',
    });
  });

  it('reads an empty amount as no limit', () => {
    expect(joinQuantity({ amount: '  ', unit: 'Gi' }, 'memory')).toEqual({
      ok: true,
      quantity: undefined,
    });
  });

  it('normalizes leading and trailing zeros without changing the value', () => {
    expect(joinQuantity({ amount: '064', unit: 'Gi' }, 'memory')).toEqual({
      ok: true,
      quantity: '64Gi',
    });
    expect(joinQuantity({ amount: '2.50', unit: 'cores' }, 'cpu')).toEqual({
      ok: true,
      quantity: '2.5',
    });
    expect(joinQuantity({ amount: '3.0', unit: 'Gi' }, 'memory')).toEqual({
      ok: true,
      quantity: '3Gi',
    });
    expect(joinQuantity({ amount: '0', unit: '' }, 'count')).toEqual({
      ok: true,
      quantity: '0',
    });
  });

  it.each([
    [{ amount: '1.5', unit: '' }, 'count', 'must be a whole number'],
    [{ amount: '-1', unit: '' }, 'count', 'must be a whole number'],
    [{ amount: '2e3', unit: '' }, 'count', 'must be a whole number'],
    [
      { amount: '0.5', unit: 'millicores' },
      'cpu',
      'millicores must be a whole number',
    ],
    [
      { amount: '0.0005', unit: 'cores' },
      'cpu',
      'at most 3 decimals; use millicores for finer amounts',
    ],
    [
      { amount: '64Gi', unit: 'Gi' },
      'memory',
      'must be a number such as 2 or 0.5',
    ],
    [
      { amount: '1,5', unit: 'Gi' },
      'memory',
      'must be a number such as 2 or 0.5',
    ],
    [
      { amount: '0.0000001', unit: 'Mi' },
      'memory',
      'is not a whole number of bytes; use a smaller unit',
    ],
    [{ amount: '64', unit: 'GiB' }, 'memory', 'choose a unit'],
  ] as const)('refuses %p as %s: %s', (input, kind, message) => {
    expect(joinQuantity(input, kind)).toEqual({ ok: false, message });
  });

  it('refuses quantities beyond the Kubernetes range', () => {
    expect(
      joinQuantity({ amount: '99999999999', unit: 'Ti' }, 'memory'),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(/Kubernetes limit/),
    });
  });
});

describe('splitQuantity', () => {
  it('shows a stored quantity in the unit it was written in', () => {
    expect(splitQuantity('64Gi', 'memory')).toEqual({
      amount: '64',
      unit: 'Gi',
    });
    expect(splitQuantity('1536Mi', 'memory')).toEqual({
      amount: '1536',
      unit: 'Mi',
    });
    expect(splitQuantity('500m', 'cpu')).toEqual({
      amount: '500',
      unit: 'millicores',
    });
    expect(splitQuantity('2', 'cpu')).toEqual({ amount: '2', unit: 'cores' });
    expect(splitQuantity('4', 'count')).toEqual({ amount: '4', unit: '' });
  });

  it('converts quantities written in other units exactly, never to bytes', () => {
    expect(splitQuantity('68719476736', 'memory')).toEqual({
      amount: '64',
      unit: 'Gi',
    });
    expect(splitQuantity('2048Ki', 'memory')).toEqual({
      amount: '2',
      unit: 'Mi',
    });
    expect(splitQuantity('1G', 'memory')).toEqual({
      amount: '0.931322574615478515625',
      unit: 'Gi',
    });
    expect(splitQuantity('0', 'memory')).toEqual({ amount: '0', unit: 'Gi' });
    expect(splitQuantity('1500m', 'cpu')).toEqual({
      amount: '1500',
      unit: 'millicores',
    });
    expect(splitQuantity('2k', 'cpu')).toEqual({
      amount: '2000',
      unit: 'cores',
    });
    expect(splitQuantity('0.5k', 'cpu')).toEqual({
      amount: '500',
      unit: 'cores',
    });
    expect(splitQuantity('1e2', 'count')).toEqual({ amount: '100', unit: '' });
  });

  it('round-trips what the editor writes', () => {
    for (const [text, kind] of [
      ['64Gi', 'memory'],
      ['1.5Ti', 'memory'],
      ['500m', 'cpu'],
      ['0.25', 'cpu'],
      ['16', 'cpu'],
      ['8', 'count'],
    ] as const) {
      expect(joinQuantity(splitQuantity(text, kind), kind)).toEqual({
        ok: true,
        quantity: text,
      });
    }
  });

  it('keeps text it cannot parse, for the validation to report', () => {
    expect(splitQuantity('lots', 'memory')).toEqual({
      amount: 'lots',
      unit: 'Gi',
    });
  });
});
