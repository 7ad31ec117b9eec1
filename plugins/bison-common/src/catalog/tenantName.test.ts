import { tenantNameOfGroup } from './tenantName';

describe('tenantNameOfGroup', () => {
  it('uses the bison.io/tenant annotation when present', () => {
    expect(
      tenantNameOfGroup({
        metadata: {
          name: 'machine-learning',
          annotations: { 'bison.io/tenant': 'ml-team' },
        },
      }),
    ).toBe('ml-team');
  });

  it('falls back to the group name', () => {
    expect(tenantNameOfGroup({ metadata: { name: 'data-team' } })).toBe(
      'data-team',
    );
    expect(
      tenantNameOfGroup({
        metadata: { name: 'dev-team', annotations: { 'bison.io/tenant': '' } },
      }),
    ).toBe('dev-team');
  });
});
