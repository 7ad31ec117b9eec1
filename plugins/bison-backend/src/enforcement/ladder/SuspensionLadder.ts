import { NotFoundError } from '@backstage/errors';
import { KubernetesApi } from '../../kubernetes/KubernetesApi';
import { WorkloadApi } from '../../kubernetes/WorkloadApi';
import { TENANT_LABEL } from '../../tenancy/kubernetesNames';
import {
  ActionStatus,
  EnforcementStore,
  Suspension,
  SuspensionAction,
} from '../EnforcementStore';
import { SUSPENSION_STEPS, SuspensionStep } from '../settings';
import { forEachLimited } from './forEachLimited';
import { decideUndo, inRunOrder, planStep } from './planActions';
import {
  BLOCK_NEW_PODS_LABEL,
  BLOCK_NEW_PODS_POLICY,
  namespaceObjects,
  SUSPENDED_LABEL,
  TeamObjects,
} from './teamObjects';

/** Requests in flight at once against the API server. */
const CONCURRENCY = 8;

const isGone = (error: unknown) => error instanceof NotFoundError;
const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** The label Capsule puts on the namespaces of a cordoned Tenant. */
const CAPSULE_CORDONED_LABEL = 'projectcapsule.dev/cordoned';

const stepOrder = (step: SuspensionStep) => SUSPENSION_STEPS.indexOf(step);
const keyOf = (a: {
  step: string;
  kind: string;
  namespace: string;
  name: string;
}) => `${a.step}|${a.kind}|${a.namespace}|${a.name}`;

const labelOf = (step: SuspensionStep) =>
  step === 'block-new-pods' ? BLOCK_NEW_PODS_LABEL : SUSPENDED_LABEL;

/**
 * Runs the suspension ladder of one team in the cluster. Every action is
 * recorded with the value it replaces before it is applied, so a run that
 * dies half-way is completed by the next one; resume restores exactly the
 * recorded values and leaves alone objects someone else changed since.
 */
export class SuspensionLadder {
  constructor(
    private readonly kube: KubernetesApi,
    private readonly workloads: WorkloadApi,
    private readonly store: EnforcementStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get requestCount(): number {
    return this.kube.requestCount + this.workloads.requestCount;
  }

  /** The team's tenant, namespaces and workloads. */
  async readObjects(
    tenantName: string,
    options: { pods: boolean },
  ): Promise<TeamObjects> {
    const [tenant, namespaces] = await Promise.all([
      this.kube.getTenant(tenantName).catch(error => {
        if (isGone(error)) return undefined;
        throw error;
      }),
      this.kube.listNamespaces(`${TENANT_LABEL}=${tenantName}`),
    ]);
    const objects: TeamObjects = {
      tenant: tenant
        ? {
            name: tenantName,
            cordoned: tenant.spec.cordoned as boolean | undefined,
          }
        : undefined,
      namespaces: namespaces.map(ns => ({
        name: ns.metadata!.name!,
        labels: ns.metadata?.labels ?? {},
      })),
      deployments: [],
      statefulSets: [],
      cronJobs: [],
      jobs: [],
      barePods: [],
    };
    await forEachLimited(objects.namespaces, CONCURRENCY / 2, async ns => {
      const [deployments, statefulSets, cronJobs, jobs, pods] =
        await Promise.all([
          this.workloads.listDeployments(ns.name),
          this.workloads.listStatefulSets(ns.name),
          this.workloads.listCronJobs(ns.name),
          this.workloads.listJobs(ns.name),
          options.pods ? this.workloads.listPods(ns.name) : undefined,
        ]);
      const found = namespaceObjects(ns.name, {
        deployments,
        statefulSets,
        cronJobs,
        jobs,
        pods,
      });
      objects.deployments.push(...found.deployments);
      objects.statefulSets.push(...found.statefulSets);
      objects.cronJobs.push(...found.cronJobs);
      objects.jobs.push(...found.jobs);
      objects.barePods.push(...found.barePods);
    });
    return objects;
  }

  /**
   * Applies the suspension's steps in order. Returns the errors of actions
   * that failed (they are retried by the next run); stops early when
   * `cancelled` says a resume was decided meanwhile.
   */
  async suspend(
    suspension: Suspension,
    tenantName: string,
    cancelled: () => Promise<boolean>,
  ): Promise<string[]> {
    const steps = SUSPENSION_STEPS.filter(s => suspension.steps.includes(s));
    const objects = await this.readObjects(tenantName, {
      pods: steps.includes('delete-bare-pods'),
    });
    const errors: string[] = [];
    for (const step of steps) {
      if (await cancelled()) break;
      const planned = planStep(step, objects);
      await this.store.recordActions(
        suspension.id,
        planned.map(action => ({ ...action, stepOrder: stepOrder(step) })),
        this.clock(),
      );
      // Planned now: what is not yet as the step leaves it, including
      // objects changed back since an earlier run applied the step.
      const due = new Set(planned.map(keyOf));
      const actions = (await this.store.actions(suspension.id)).filter(
        a =>
          a.step === step &&
          (a.status === 'planned' ||
            a.status === 'failed' ||
            (a.status === 'applied' && due.has(keyOf(a)))),
      );
      if (
        step === 'block-new-pods' &&
        actions.length > 0 &&
        !(await this.workloads.hasAdmissionPolicy(BLOCK_NEW_PODS_POLICY))
      ) {
        const error = `the ValidatingAdmissionPolicy and binding '${BLOCK_NEW_PODS_POLICY}' are not installed (deploy/admission-policy.yaml), so new pods cannot be refused`;
        for (const action of actions) {
          await this.store.setActionStatus(
            action.id,
            'failed',
            error,
            this.clock(),
          );
        }
        errors.push(error);
        continue;
      }
      for (const group of inRunOrder(actions)) {
        await this.runEach(group, errors, async action => {
          await this.apply(action);
          return 'applied';
        });
      }
    }
    return errors;
  }

  /**
   * Undoes the suspension's actions in reverse order, except that new pods
   * are allowed first, so that the controllers can start the pods of the
   * workloads as they are restored.
   */
  async resume(suspension: Suspension): Promise<string[]> {
    const pending = (await this.store.actions(suspension.id)).filter(a =>
      ['planned', 'applied', 'failed'].includes(a.status),
    );
    const unblock = pending.filter(a => a.step === 'block-new-pods');
    const rest = pending.filter(a => a.step !== 'block-new-pods');
    const errors: string[] = [];
    for (const group of [unblock, ...inRunOrder(rest).reverse()]) {
      await this.runEach(group, errors, action => this.undo(action));
    }
    return errors;
  }

  /**
   * Runs `step` on each action, a few at a time, and records the status it
   * returns, or the failure (also added to `errors`).
   */
  private async runEach(
    actions: SuspensionAction[],
    errors: string[],
    step: (action: SuspensionAction) => Promise<ActionStatus>,
  ): Promise<void> {
    await forEachLimited(actions, CONCURRENCY, async action => {
      try {
        const status = await step(action);
        await this.store.setActionStatus(
          action.id,
          status,
          undefined,
          this.clock(),
        );
      } catch (error) {
        const message = messageOf(error);
        errors.push(message);
        await this.store.setActionStatus(
          action.id,
          'failed',
          message,
          this.clock(),
        );
      }
    });
  }

  private async apply(action: SuspensionAction): Promise<void> {
    const { kind, namespace, name } = action;
    switch (kind) {
      case 'Tenant':
        await this.kube.patchTenant(name, { spec: { cordoned: true } });
        return;
      case 'Namespace':
        await this.kube.patchNamespace(name, {
          metadata: { labels: { [labelOf(action.step)]: 'true' } },
        });
        return;
      case 'Deployment':
      case 'StatefulSet':
        await this.workloads.setReplicas(kind, namespace, name, 0);
        return;
      case 'Job':
      case 'CronJob':
        await this.workloads.setSuspend(kind, namespace, name, true);
        return;
      case 'Pod':
        await this.workloads.deletePod(namespace, name).catch(error => {
          if (!isGone(error)) throw error;
        });
        return;
      default:
        throw new Error(`unknown action kind ${kind}`);
    }
  }

  /** Restores one action's object if it still shows what Bison set. */
  private async undo(
    action: SuspensionAction,
  ): Promise<'undone' | 'left' | 'gone'> {
    if (action.kind === 'Pod') {
      // A deleted pod is not recreated; one never deleted is as it was.
      return action.status === 'applied' ? 'gone' : 'undone';
    }
    const current = await this.read(action).catch(error => {
      if (isGone(error)) return undefined;
      throw error;
    });
    const decision = decideUndo(action, current);
    if (decision === 'gone') return 'gone';
    if (decision === 'left') return 'left';
    if (decision === 'restore') await this.restore(action);
    if (action.kind === 'Tenant') {
      await this.clearCapsuleCordonLabel(action.name);
    }
    return 'undone';
  }

  /**
   * Capsule labels a cordoned Tenant's namespaces and should remove the
   * label when it is uncordoned, but its controller removes only labels it
   * recorded itself: one its webhook added on a namespace write the
   * controller had not caught up with stays, and keeps refusing the team's
   * writes. Capsule sets the label only while the Tenant is cordoned, so
   * Bison removes it once the Tenant is not. Its webhook may still hold the
   * cordoned Tenant in its cache and put the label back: then this throws,
   * and the run is retried until the removal holds.
   */
  private async clearCapsuleCordonLabel(tenantName: string): Promise<void> {
    const tenant = await this.kube.getTenant(tenantName);
    if (tenant.spec.cordoned === true) return; // cordoned again by someone
    const labelled = (
      await this.kube.listNamespaces(
        `${TENANT_LABEL}=${tenantName},${CAPSULE_CORDONED_LABEL}`,
      )
    ).map(ns => ns.metadata!.name!);
    const stuck: string[] = [];
    for (const name of labelled) {
      const ns = await this.kube.patchNamespace(name, {
        metadata: { labels: { [CAPSULE_CORDONED_LABEL]: null } },
      });
      if (ns.metadata?.labels?.[CAPSULE_CORDONED_LABEL]) stuck.push(name);
    }
    if (stuck.length > 0) {
      throw new Error(
        `Capsule still labels ${stuck.join(
          ', ',
        )} ${CAPSULE_CORDONED_LABEL} after the Tenant was uncordoned; retrying`,
      );
    }
  }

  private async read(action: SuspensionAction): Promise<unknown> {
    const { kind, namespace, name } = action;
    switch (kind) {
      case 'Tenant': {
        const tenant = await this.kube.getTenant(name);
        return tenant.spec.cordoned ?? null;
      }
      case 'Namespace': {
        const ns = await this.kube.getNamespace(name);
        return ns.metadata?.labels?.[labelOf(action.step)] ?? null;
      }
      case 'Deployment':
      case 'StatefulSet':
        return this.workloads.getReplicas(kind, namespace, name);
      case 'Job':
      case 'CronJob':
        return this.workloads.getSuspend(kind, namespace, name);
      default:
        return undefined;
    }
  }

  private async restore(action: SuspensionAction): Promise<void> {
    const { kind, namespace, name, before } = action;
    switch (kind) {
      case 'Tenant':
        // null removes the field again (JSON merge patch).
        await this.kube.patchTenant(name, { spec: { cordoned: before } });
        return;
      case 'Namespace':
        await this.kube.patchNamespace(name, {
          metadata: { labels: { [labelOf(action.step)]: before } },
        });
        return;
      case 'Deployment':
      case 'StatefulSet':
        await this.workloads.setReplicas(
          kind,
          namespace,
          name,
          before as number,
        );
        return;
      case 'Job':
      case 'CronJob':
        await this.workloads.setSuspend(
          kind,
          namespace,
          name,
          before as boolean,
        );
        return;
      default:
        return;
    }
  }
}
