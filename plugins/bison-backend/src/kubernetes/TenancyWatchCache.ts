import { LoggerService } from '@backstage/backend-plugin-api';
import * as k8s from '@kubernetes/client-node';
import { TENANT_LABEL } from '../tenancy/kubernetesNames';
import { capsuleQuotaSelector } from '../tenancy/quota/quotaStatus';
import { Tenant, TENANT_API } from './types';

type Lists = {
  tenants: Tenant[];
  namespaces: k8s.V1Namespace[];
  quotas: k8s.V1ResourceQuota[];
  /** Capsule's copies of the team quotas, with the tenant-wide use. */
  capsuleQuotas: k8s.V1ResourceQuota[];
};

const RESTART_DELAY_MS = 5_000;

/**
 * An in-memory copy of the Tenants, the tenant-labelled namespaces and
 * ResourceQuotas, and Capsule's team quotas, kept current by watches. Lists of all teams read it
 * instead of listing the cluster on every request; until every watch has
 * synced (or after one broke) callers fall back to list calls.
 */
export class TenancyWatchCache {
  private readonly informers: {
    [K in keyof Lists]: k8s.Informer<Lists[K][number]> &
      k8s.ObjectCache<Lists[K][number]>;
  };
  private readonly synced = new Set<keyof Lists>();
  private stopped = false;
  private changes = 0;

  constructor(
    kubeConfig: k8s.KubeConfig,
    private readonly logger: LoggerService,
  ) {
    const core = kubeConfig.makeApiClient(k8s.CoreV1Api);
    const custom = kubeConfig.makeApiClient(k8s.CustomObjectsApi);
    const { group, version, plural } = TENANT_API;
    this.informers = {
      tenants: k8s.makeInformer<Tenant>(
        kubeConfig,
        `/apis/${group}/${version}/${plural}`,
        () => custom.listClusterCustomObject({ ...TENANT_API }),
      ),
      namespaces: k8s.makeInformer(
        kubeConfig,
        '/api/v1/namespaces',
        () => core.listNamespace({ labelSelector: TENANT_LABEL }),
        TENANT_LABEL,
      ),
      quotas: k8s.makeInformer(
        kubeConfig,
        '/api/v1/resourcequotas',
        () =>
          core.listResourceQuotaForAllNamespaces({
            labelSelector: TENANT_LABEL,
          }),
        TENANT_LABEL,
      ),
      capsuleQuotas: k8s.makeInformer(
        kubeConfig,
        '/api/v1/resourcequotas',
        () =>
          core.listResourceQuotaForAllNamespaces({
            labelSelector: capsuleQuotaSelector(),
          }),
        capsuleQuotaSelector(),
      ),
    };
  }

  start(): void {
    for (const key of Object.keys(this.informers) as Array<keyof Lists>) {
      const informer = this.informers[
        key
      ] as k8s.Informer<k8s.KubernetesObject>;
      informer.on('change', () => {
        this.changes += 1;
      });
      informer.on('error', error => {
        this.synced.delete(key);
        if (this.stopped) return;
        this.logger.warn(`Watch of ${key} broke, restarting: ${error}`);
        setTimeout(() => this.startOne(key), RESTART_DELAY_MS);
      });
      this.startOne(key);
    }
  }

  private startOne(key: keyof Lists) {
    if (this.stopped) return;
    this.informers[key].start().then(
      () => {
        this.changes += 1;
        this.synced.add(key);
      },
      error => {
        this.logger.warn(`Could not start the watch of ${key}: ${error}`);
        setTimeout(() => this.startOne(key), RESTART_DELAY_MS);
      },
    );
  }

  /**
   * A number that changes whenever a cached object does, or undefined while
   * any watch is not in sync: results computed from the cache can be reused
   * while it stays the same.
   */
  version(): number | undefined {
    const inSync = this.synced.size === Object.keys(this.informers).length;
    return inSync ? this.changes : undefined;
  }

  /** Every cached object, or undefined while any watch is not in sync. */
  snapshot(): Lists | undefined {
    if (this.version() === undefined) return undefined;
    return {
      tenants: [...this.informers.tenants.list()],
      namespaces: [...this.informers.namespaces.list()],
      quotas: [...this.informers.quotas.list()],
      capsuleQuotas: [...this.informers.capsuleQuotas.list()],
    };
  }

  /** Calls `listener` with every tenant-labelled namespace the watch sees deleted. */
  onNamespaceDeleted(listener: (namespace: k8s.V1Namespace) => void): void {
    this.informers.namespaces.on('delete', listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(
      Object.values(this.informers).map(informer => informer.stop()),
    );
  }
}
