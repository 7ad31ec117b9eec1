import { PlannedAction } from '../EnforcementStore';
import { SUSPENSION_STEPS, SuspensionStep } from '../settings';
import {
  BLOCK_NEW_PODS_LABEL,
  SUSPENDED_LABEL,
  TeamObjects,
} from './teamObjects';

/**
 * The changes one step makes, each with the value it replaces. Objects
 * already as the step would leave them (a Job its user suspended, a
 * Deployment at 0) are not touched, so resume leaves them as they are.
 */
export function planStep(
  step: SuspensionStep,
  objects: TeamObjects,
): PlannedAction[] {
  const label = (key: string): PlannedAction[] =>
    objects.namespaces
      .filter(ns => ns.labels[key] !== 'true')
      .map(ns => ({
        step,
        kind: 'Namespace',
        namespace: '',
        name: ns.name,
        before: ns.labels[key] ?? null,
      }));
  switch (step) {
    case 'cordon':
      return [
        ...(objects.tenant && objects.tenant.cordoned !== true
          ? [
              {
                step,
                kind: 'Tenant' as const,
                namespace: '',
                name: objects.tenant.name,
                before: objects.tenant.cordoned ?? null,
              },
            ]
          : []),
        ...label(SUSPENDED_LABEL),
      ];
    case 'block-new-pods':
      return label(BLOCK_NEW_PODS_LABEL);
    case 'scale-workloads':
      return [
        ...objects.deployments.map(w => ({
          ...w,
          kind: 'Deployment' as const,
        })),
        ...objects.statefulSets.map(w => ({
          ...w,
          kind: 'StatefulSet' as const,
        })),
      ]
        .filter(w => w.replicas > 0)
        .map(w => ({
          step,
          kind: w.kind,
          namespace: w.namespace,
          name: w.name,
          before: w.replicas,
        }));
    case 'suspend-jobs':
      return [
        ...objects.cronJobs
          .filter(c => !c.suspended)
          .map(c => ({ ...c, kind: 'CronJob' as const })),
        ...objects.jobs
          .filter(j => !j.suspended && !j.finished)
          .map(j => ({ ...j, kind: 'Job' as const })),
      ].map(w => ({
        step,
        kind: w.kind,
        namespace: w.namespace,
        name: w.name,
        before: false,
      }));
    case 'delete-bare-pods':
      return objects.barePods.map(p => ({
        step,
        kind: 'Pod',
        namespace: p.namespace,
        name: p.name,
        before: 'running',
      }));
    default:
      return [];
  }
}

/**
 * The actions in groups to run one after another: by step, and within a
 * step by kind, the Tenant first. So the Tenant is cordoned before its
 * namespaces are labelled and, as resume runs the groups in reverse,
 * uncordoned only after them: Capsule's namespace webhook re-adds its
 * cordoned label from a cached, possibly stale Tenant on any namespace
 * write, and its controller removes only labels it recorded itself, so a
 * namespace write just after the uncordon could leave it cordoned for good.
 */
export function inRunOrder<T extends Pick<PlannedAction, 'step' | 'kind'>>(
  actions: T[],
): T[][] {
  const order = (x: T, y: T) =>
    SUSPENSION_STEPS.indexOf(x.step) - SUSPENSION_STEPS.indexOf(y.step) ||
    Number(x.kind !== 'Tenant') - Number(y.kind !== 'Tenant') ||
    x.kind.localeCompare(y.kind);
  const groups: T[][] = [];
  for (const action of [...actions].sort(order)) {
    const last = groups[groups.length - 1];
    if (last && last[0].step === action.step && last[0].kind === action.kind)
      last.push(action);
    else groups.push([action]);
  }
  return groups;
}

/** The value an action leaves on its object. */
export function appliedValue(action: Pick<PlannedAction, 'kind'>): unknown {
  switch (action.kind) {
    case 'Tenant':
    case 'Job':
    case 'CronJob':
      return true;
    case 'Namespace':
      return 'true';
    case 'Deployment':
    case 'StatefulSet':
      return 0;
    default:
      return 'deleted';
  }
}

export type UndoDecision = 'restore' | 'already' | 'left' | 'gone';

/**
 * What resume does with an action, from the object's value now (undefined:
 * the object is gone): restore what Bison changed, and leave alone what
 * someone else changed since.
 */
export function decideUndo(
  action: Pick<PlannedAction, 'kind' | 'before'>,
  current: unknown,
): UndoDecision {
  if (current === undefined) return 'gone';
  if (current === action.before) return 'already';
  if (current === appliedValue(action)) return 'restore';
  return 'left';
}

/** How the value before reads in the API, e.g. "3 replicas". */
export function describeBefore(
  action: Pick<PlannedAction, 'kind' | 'before' | 'step'>,
): string {
  const { before } = action;
  switch (action.kind) {
    case 'Tenant':
      return before === null ? 'cordoned not set' : `cordoned: ${before}`;
    case 'Namespace': {
      const label =
        action.step === 'block-new-pods'
          ? BLOCK_NEW_PODS_LABEL
          : SUSPENDED_LABEL;
      return before === null ? `no ${label} label` : `${label}=${before}`;
    }
    case 'Deployment':
    case 'StatefulSet':
      return `${before} replica${before === 1 ? '' : 's'}`;
    case 'Job':
    case 'CronJob':
      return 'not suspended';
    default:
      return 'running pod';
  }
}
