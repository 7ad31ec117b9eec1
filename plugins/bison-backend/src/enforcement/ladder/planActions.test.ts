import { decideUndo, inRunOrder, planStep } from './planActions';
import { TeamObjects } from './teamObjects';

const workload = (name: string, replicas: number) => ({
  namespace: 'web',
  name,
  replicas,
  gpusPerPod: 0,
});

const objects: TeamObjects = {
  tenant: { name: 'team', cordoned: false },
  namespaces: [
    { name: 'web', labels: {} },
    { name: 'batch', labels: { 'bison.io/suspended': 'true' } },
  ],
  deployments: [workload('api', 3), workload('idle', 0)],
  statefulSets: [workload('db', 1)],
  cronJobs: [
    { ...workload('nightly', 0), suspended: false },
    { ...workload('paused', 0), suspended: true },
  ],
  jobs: [
    { ...workload('train', 1), suspended: false, finished: false },
    { ...workload('held', 0), suspended: true, finished: false },
    { ...workload('done', 0), suspended: false, finished: true },
  ],
  barePods: [workload('debug', 1)],
};

const names = (step: Parameters<typeof planStep>[0]) =>
  planStep(step, objects).map(a => `${a.kind}/${a.name}=${a.before}`);

describe('planStep', () => {
  it('cordons the Tenant and labels only the namespaces not yet labelled', () => {
    expect(names('cordon')).toEqual([
      'Tenant/team=false',
      'Namespace/web=null',
    ]);
  });

  it('does not cordon a Tenant someone else cordoned', () => {
    const cordoned = { ...objects, tenant: { name: 'team', cordoned: true } };
    expect(planStep('cordon', cordoned).map(a => a.kind)).toEqual([
      'Namespace',
    ]);
  });

  it('scales only workloads that run pods, recording their replicas', () => {
    expect(names('scale-workloads')).toEqual([
      'Deployment/api=3',
      'StatefulSet/db=1',
    ]);
  });

  it('leaves Jobs and CronJobs their user suspended, and finished Jobs', () => {
    expect(names('suspend-jobs')).toEqual([
      'CronJob/nightly=false',
      'Job/train=false',
    ]);
  });

  it('deletes bare pods only in their own step', () => {
    expect(names('delete-bare-pods')).toEqual(['Pod/debug=running']);
  });
});

describe('decideUndo', () => {
  it.each<[string, unknown, unknown, string]>([
    ['Deployment', 3, 0, 'restore'],
    ['Deployment', 3, 3, 'already'],
    ['Deployment', 3, 5, 'left'],
    ['Deployment', 3, undefined, 'gone'],
    ['Tenant', null, true, 'restore'],
    ['Tenant', false, false, 'already'],
    ['Job', false, true, 'restore'],
    ['Namespace', null, 'true', 'restore'],
    ['Namespace', null, 'no', 'left'],
  ])('%s before %p, now %p: %s', (kind, before, current, decision) => {
    expect(decideUndo({ kind: kind as never, before }, current)).toBe(decision);
  });
});

describe('inRunOrder', () => {
  it('runs steps in ladder order, the Tenant before its namespaces', () => {
    const actions = [
      { step: 'suspend-jobs', kind: 'Job', name: 'train' },
      { step: 'cordon', kind: 'Namespace', name: 'web' },
      { step: 'scale-workloads', kind: 'Deployment', name: 'api' },
      { step: 'cordon', kind: 'Tenant', name: 'team' },
      { step: 'cordon', kind: 'Namespace', name: 'batch' },
      { step: 'scale-workloads', kind: 'StatefulSet', name: 'db' },
      { step: 'scale-workloads', kind: 'Deployment', name: 'web' },
    ] as const;
    expect(
      inRunOrder([...actions]).map(group => group.map(a => a.name)),
    ).toEqual([['team'], ['web', 'batch'], ['api', 'web'], ['db'], ['train']]);
  });
});
