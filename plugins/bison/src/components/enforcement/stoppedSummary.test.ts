import { SuspensionAction } from '../../api';
import { pendingActions, stoppedSummary } from './stoppedSummary';

function action(
  kind: SuspensionAction['kind'],
  status: SuspensionAction['status'] = 'applied',
): SuspensionAction {
  return {
    step: 'scale-workloads',
    kind,
    namespace: 'ns',
    name: `${kind}-${status}`,
    before: '1 replica',
    status,
  };
}

describe('stoppedSummary', () => {
  it('counts the applied actions on workloads by kind, in ladder order', () => {
    expect(
      stoppedSummary([
        action('Job'),
        action('Deployment'),
        action('Tenant'),
        action('Namespace'),
        action('Deployment'),
        action('Job'),
        action('Deployment'),
        action('StatefulSet'),
        action('Pod'),
      ]),
    ).toBe(
      '3 Deployments scaled to 0, 1 StatefulSet scaled to 0, 2 Jobs suspended, 1 Pod deleted',
    );
  });

  it('leaves out actions not applied and says nothing when none stopped anything', () => {
    expect(
      stoppedSummary([
        action('Deployment', 'planned'),
        action('CronJob', 'failed'),
        action('Job', 'undone'),
        action('Tenant'),
      ]),
    ).toBeUndefined();
  });
});

describe('pendingActions', () => {
  it('counts the planned and failed actions', () => {
    expect(
      pendingActions([
        action('Deployment', 'planned'),
        action('CronJob', 'failed'),
        action('Job'),
        action('Pod', 'gone'),
      ]),
    ).toBe(2);
  });
});
