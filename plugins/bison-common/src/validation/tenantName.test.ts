import { tenantNameProblem } from './tenantName';

describe('tenantNameProblem', () => {
  it.each(['a', 'ml-team', 'team-1', '0team', 'a'.repeat(63)])(
    'accepts %p',
    name => expect(tenantNameProblem(name)).toBeUndefined(),
  );

  it.each([
    ['', 'must not be empty'],
    ['a'.repeat(64), 'at most 63'],
    ['ML-team', 'lowercase'],
    ['-team', 'start and end'],
    ['team-', 'start and end'],
    ['team_a', 'lowercase'],
    ['team.a', 'lowercase'],
    ['kube-system', 'reserved'],
    ['default', 'reserved'],
  ])('rejects %p', (name, problem) => {
    expect(tenantNameProblem(name)).toContain(problem);
  });

  it('rejects extra reserved names such as the backend namespace', () => {
    expect(tenantNameProblem('bison-system', ['bison-system'])).toContain(
      'reserved',
    );
  });
});
