import { poolTolerationsValue } from './poolTolerations';

const ours = {
  key: 'bison.io/pool',
  operator: 'Equal',
  value: 'ml-team',
  effect: 'NoSchedule',
};
const theirs = { key: 'gpu', operator: 'Exists', effect: 'NoExecute' };

describe('poolTolerationsValue', () => {
  it("tolerates the team's node taint when exclusive", () => {
    expect(
      JSON.parse(poolTolerationsValue(undefined, 'ml-team', 'exclusive')!),
    ).toEqual([ours]);
  });

  it('keeps the tolerations others set, and replaces an old one of ours', () => {
    const current = JSON.stringify([theirs, { ...ours, value: 'old-team' }]);
    expect(
      JSON.parse(poolTolerationsValue(current, 'ml-team', 'exclusive')!),
    ).toEqual([theirs, ours]);
    expect(
      JSON.parse(poolTolerationsValue(current, 'ml-team', 'shared')!),
    ).toEqual([theirs]);
  });

  it('removes the annotation when nothing is left', () => {
    expect(
      poolTolerationsValue(JSON.stringify([ours]), 'ml-team', 'shared'),
    ).toBeNull();
    expect(poolTolerationsValue(undefined, 'ml-team', 'shared')).toBeNull();
  });

  it('replaces a value that is not a JSON list', () => {
    expect(
      JSON.parse(poolTolerationsValue('not json', 'ml-team', 'exclusive')!),
    ).toEqual([ours]);
  });
});
