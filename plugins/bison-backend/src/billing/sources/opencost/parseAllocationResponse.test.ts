import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllocationResponse } from './parseAllocationResponse';

const start = new Date('2025-03-10T10:00:00Z');
const end = new Date('2025-03-10T11:00:00Z');

/** The recorded answer, with one allocation replaced or removed. */
function body(edit: (set: Record<string, any>) => void = () => {}) {
  const json = JSON.parse(
    readFileSync(
      join(__dirname, '__fixtures__', 'allocation-namespace.json'),
      'utf8',
    ),
  );
  edit(json.data[0]);
  return json;
}

const parse = (json: unknown) => parseAllocationResponse(json, { start, end });

describe('parseAllocationResponse', () => {
  it('skips __shared__ and __unmounted__', () => {
    const lines = parse(
      body(set => {
        set.__shared__ = { ...set['team-a'], name: '__shared__' };
        set.__unmounted__ = { ...set['team-a'], name: '__unmounted__' };
      }),
    );
    expect(lines.map(l => l.namespace)).not.toContain('__shared__');
    expect(lines.map(l => l.namespace)).not.toContain('__unmounted__');
    expect(lines).toEqual(parse(body()));
  });

  it('rejects unknown special allocations', () => {
    expect(() =>
      parse(body(set => (set.__external__ = set['team-a']))),
    ).toThrow("unknown special allocation '__external__'");
  });

  it('rejects keys that are not namespace names', () => {
    expect(() =>
      parse(body(set => (set['cluster-one/team-a'] = set['team-a']))),
    ).toThrow(/'cluster-one\/team-a' is not a namespace name/);
  });

  it('rejects negative figures', () => {
    expect(() => parse(body(set => (set['team-a'].gpuHours = -1)))).toThrow(
      "allocation 'team-a' has a negative gpuHours: -1",
    );
  });

  it('rejects answers without the usage fields', () => {
    expect(() => parse(body(set => delete set['team-a'].ramByteHours))).toThrow(
      "allocation 'team-a' has no ramByteHours field",
    );
    expect(() =>
      parse(body(set => (set['team-a'].cpuCoreHours = '1.5'))),
    ).toThrow(/non-numeric cpuCoreHours/);
  });

  it('accepts all-null figures only for an allocation that ran 0 minutes', () => {
    const nulls = {
      cpuCoreHours: null,
      ramByteHours: null,
      gpuHours: null,
    };
    const ranNothing = body(set =>
      Object.assign(set.quiet, nulls, {
        minutes: 0,
        start: '2025-03-10T10:00:00Z',
        end: '2025-03-10T10:00:00Z',
      }),
    );
    expect(parse(ranNothing)).toEqual(parse(body()));
    expect(() =>
      parse(body(set => Object.assign(set.quiet, nulls, { minutes: null }))),
    ).toThrow(/'quiet' ran an unknown number of minutes but all of/);
  });

  it('rejects an allocation outside the window', () => {
    expect(() =>
      parse(body(set => (set['team-a'].end = '2025-03-10T11:05:00Z'))),
    ).toThrow(/'team-a' spans .* outside the window/);
    expect(() => parse(body(set => (set['team-a'].minutes = 61)))).toThrow(
      /'team-a' ran 61 minutes in a 60-minute window/,
    );
  });

  it('rejects data that starts late as not yet available', () => {
    expect(() =>
      parse(
        body(set => {
          for (const name of Object.keys(set)) {
            set[name].start = '2025-03-10T10:05:00Z';
          }
        }),
      ),
    ).toThrow(
      'Usage not yet available: OpenCost has data for 2025-03-10T10:05:00Z, 2025-03-10T11:00:00Z only',
    );
  });

  it('does not let __idle__ vouch for coverage', () => {
    expect(() =>
      parse(
        body(set => {
          for (const name of Object.keys(set)) {
            if (name !== '__idle__') set[name].end = '2025-03-10T10:50:00Z';
          }
        }),
      ),
    ).toThrow(/not yet available/);
  });

  it('rejects a set with only idle allocations as not yet available', () => {
    expect(() =>
      parse(
        body(set => {
          for (const name of Object.keys(set)) {
            if (name !== '__idle__') delete set[name];
          }
        }),
      ),
    ).toThrow(
      'Usage not yet available: OpenCost returned no namespace allocations',
    );
  });

  it('rejects envelopes without exactly one set', () => {
    expect(() => parse({ code: 200, status: 'success', data: [] })).toThrow(
      'Usage not yet available: OpenCost returned no allocation set',
    );
    expect(() => parse({ code: 200, status: 'success', data: null })).toThrow(
      /not yet available/,
    );
    const two = body();
    two.data.push(two.data[0]);
    expect(() => parse(two)).toThrow(
      /expected one accumulated allocation set, got 2/,
    );
    expect(() => parse([])).toThrow(/not a JSON object/);
    expect(() => parse({ data: body().data })).toThrow(
      /answer has code undefined/,
    );
  });
});
