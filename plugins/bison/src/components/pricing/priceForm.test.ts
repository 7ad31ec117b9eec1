import {
  checkHours,
  checkPrice,
  checkQuantity,
  checkResourceKey,
  fromDateTimeInput,
  newPriceBook,
  serverFieldOf,
  toDateTimeInput,
  validatePriceRows,
} from './priceForm';

describe('checkResourceKey', () => {
  it.each([
    'cpu',
    'memory',
    'nvidia.com/gpu',
    'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
    'nvidia.com/mig-1g.10gb',
  ])('accepts %s', key => expect(checkResourceKey(key)).toBeUndefined());

  it.each([
    ['', 'enter a resource key'],
    ['GPU ram', /not a resource key/],
    ['nvidia.com/', /not a resource key/],
    [':A100', /not a resource key/],
  ])('refuses %p', (key, message) => {
    expect(checkResourceKey(key)).toMatch(message);
  });
});

describe('checkPrice', () => {
  it.each(['0', '2.50', '0.000001', '1000'])('accepts %s', price =>
    expect(checkPrice(price)).toBeUndefined(),
  );

  it.each([
    ['', 'price is empty'],
    ['-1', 'price must not be negative'],
    ['0.0000001', 'price has more than 6 decimal places'],
    ['1,5', /must not contain ','/],
    ['abc', /price must be a plain decimal number/],
  ])('refuses %p', (price, message) => {
    expect(checkPrice(price)).toMatch(message);
  });
});

describe('validatePriceRows', () => {
  it('collects the prices as typed, skipping blank rows', () => {
    expect(
      validatePriceRows([
        { resource: ' cpu ', price: '0.040 ' },
        { resource: '', price: '' },
        { resource: 'nvidia.com/gpu:A100', price: '3' },
      ]),
    ).toEqual({
      errors: [{}, {}, {}],
      formError: undefined,
      prices: [
        { resource: 'cpu', pricePerHour: '0.040' },
        { resource: 'nvidia.com/gpu:A100', pricePerHour: '3' },
      ],
    });
  });

  it('flags each invalid field and a repeated key', () => {
    const result = validatePriceRows([
      { resource: 'cpu', price: '1' },
      { resource: 'cpu', price: '-2' },
      { resource: 'memory', price: '' },
    ]);
    expect(result.errors).toEqual([
      {},
      { resource: 'cpu is priced twice', price: 'price must not be negative' },
      { price: 'price is empty' },
    ]);
    expect(result.prices).toEqual([]);
  });

  it('needs at least one price', () => {
    expect(validatePriceRows([{ resource: '', price: '' }]).formError).toBe(
      'add at least one price',
    );
  });
});

describe('date-time inputs', () => {
  it('round-trips an instant through the local date-time input', () => {
    const at = new Date(2026, 2, 1, 9, 30);
    expect(toDateTimeInput(at)).toBe('2026-03-01T09:30');
    expect(fromDateTimeInput('2026-03-01T09:30')).toBe(at.toISOString());
  });

  it('refuses invalid values', () => {
    expect(fromDateTimeInput('')).toBeUndefined();
    expect(fromDateTimeInput('2026-02-30T10:00')).toBeUndefined();
    expect(fromDateTimeInput('tomorrow')).toBeUndefined();
  });
});

describe('newPriceBook', () => {
  const prices = [{ resource: 'cpu', pricePerHour: '0.05' }];

  it('leaves effectiveFrom to the backend while it is the opening time', () => {
    expect(
      newPriceBook({
        prices,
        effectiveFrom: '2026-03-01T09:30',
        openedAt: '2026-03-01T09:30',
        note: '  ',
      }),
    ).toEqual({ prices });
  });

  it('sends a changed effectiveFrom as an instant and the trimmed note', () => {
    expect(
      newPriceBook({
        prices,
        effectiveFrom: '2026-04-01T00:00',
        openedAt: '2026-03-01T09:30',
        note: ' April prices ',
      }),
    ).toEqual({
      prices,
      effectiveFrom: new Date(2026, 3, 1).toISOString(),
      note: 'April prices',
    });
  });

  it('refuses an empty effectiveFrom', () => {
    expect(
      newPriceBook({
        prices,
        effectiveFrom: '',
        openedAt: '2026-03-01T09:30',
        note: '',
      }),
    ).toEqual({ error: 'enter a date and time' });
  });
});

describe('checkQuantity', () => {
  it.each(['4', '500m', '64Gi', '0.5'])('accepts %s', quantity =>
    expect(checkQuantity(quantity)).toBeUndefined(),
  );

  it.each(['', 'lots', '-1', '64 GB'])('refuses %p', quantity =>
    expect(checkQuantity(quantity)).toEqual(expect.any(String)),
  );
});

describe('checkHours', () => {
  it.each(['730', '1.5', '8784'])('accepts %s', hours =>
    expect(checkHours(hours)).toBeUndefined(),
  );

  it.each([
    ['', 'enter a number of hours such as 730'],
    ['-1', 'enter a number of hours such as 730'],
    ['8784.5', 'at most 8784 hours'],
    ['10000', 'at most 8784 hours'],
  ])('refuses %p', (hours, message) => {
    expect(checkHours(hours)).toBe(message);
  });
});

describe('serverFieldOf', () => {
  it('finds the field a backend message names', () => {
    expect(
      serverFieldOf(
        "'prices[1].pricePerHour' amount has more than 6 decimal places",
      ),
    ).toEqual({ kind: 'price', index: 1, field: 'price' });
    expect(serverFieldOf("'prices[0].resource' repeats 'cpu'")).toEqual({
      kind: 'price',
      index: 0,
      field: 'resource',
    });
    expect(
      serverFieldOf(
        "windows up to 2026-03-02T10:00:00.000Z are billed already; 'effectiveFrom' must not be earlier",
      ),
    ).toEqual({ kind: 'effectiveFrom' });
    expect(serverFieldOf('database is down')).toBeUndefined();
  });
});
