import { SuspensionAction } from '../../api';
import { plural } from '../shared/plural';

type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job' | 'Pod';

/** What each kind of workload went through, in the ladder's order. */
const DONE: [WorkloadKind, string][] = [
  ['Deployment', 'scaled to 0'],
  ['StatefulSet', 'scaled to 0'],
  ['CronJob', 'suspended'],
  ['Job', 'suspended'],
  ['Pod', 'deleted'],
];

/**
 * The workloads a suspension stopped, by kind: '3 Deployments scaled to 0,
 * 2 Jobs suspended'; undefined when it stopped none. Only applied actions
 * count: planned and failed ones have not changed anything yet.
 */
export function stoppedSummary(
  actions: SuspensionAction[],
): string | undefined {
  const parts = DONE.flatMap(([kind, done]) => {
    const count = actions.filter(
      a => a.kind === kind && a.status === 'applied',
    ).length;
    if (count === 0) return [];
    return [`${plural(count, kind)} ${done}`];
  });
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** How many actions are still to be applied (planned, or failed and retried). */
export function pendingActions(actions: SuspensionAction[]): number {
  return actions.filter(a => a.status === 'planned' || a.status === 'failed')
    .length;
}
