import { SuspensionStep } from '../../api';

/** The suspension ladder's steps, in the order they are applied. */
export const SUSPENSION_STEPS: SuspensionStep[] = [
  'cordon',
  'block-new-pods',
  'scale-workloads',
  'suspend-jobs',
  'delete-bare-pods',
];

const LABELS: Record<SuspensionStep, string> = {
  cordon: 'Cordon the tenant and its namespaces',
  'block-new-pods': 'Block new pods',
  'scale-workloads': 'Scale Deployments and StatefulSets to 0',
  'suspend-jobs': 'Suspend CronJobs and Jobs',
  'delete-bare-pods': 'Delete pods without an owner (cannot be undone)',
};

/** A suspension step as people read it. */
export function stepLabel(step: SuspensionStep): string {
  return LABELS[step] ?? step;
}
