import * as k8s from '@kubernetes/client-node';
import {
  addQuantity,
  compareQuantity,
  formatQuantity,
  parseQuantity,
  Quantity,
} from '@bison/plugin-bison-common';
import { ResourceList, Tenant } from '../../kubernetes/types';
import { PROJECT_QUOTA_NAME } from '../kubernetesNames';

/** Hard limits and current use, both keyed by quota key. */
export interface QuotaStatus {
  hard: ResourceList;
  used: ResourceList;
}

function quantityOf(text: string | undefined): Quantity | undefined {
  if (text === undefined) return undefined;
  try {
    return parseQuantity(text);
  } catch {
    return undefined;
  }
}

/**
 * One namespace's quota: the hard limits of Bison's project quota, and per
 * key the use Kubernetes reports in any ResourceQuota status (every quota
 * of a namespace counts the same pods, so the largest report is current).
 */
export function namespaceQuotaStatus(
  quotas: k8s.V1ResourceQuota[],
): QuotaStatus {
  const own = quotas.find(quota => quota.metadata?.name === PROJECT_QUOTA_NAME);
  const used = new Map<string, Quantity>();
  for (const quota of quotas) {
    for (const [key, text] of Object.entries(quota.status?.used ?? {})) {
      const quantity = quantityOf(text);
      const known = used.get(key);
      if (quantity && (!known || compareQuantity(quantity, known) > 0)) {
        used.set(key, quantity);
      }
    }
  }
  return {
    hard: { ...(own?.spec?.hard ?? {}) },
    used: Object.fromEntries(
      [...used].map(([key, quantity]) => [key, formatQuantity(quantity)]),
    ),
  };
}

/** The team quota written into the Tenant (`resourceQuotas`, scope Tenant). */
export function tenantHardQuota(tenant: Tenant | undefined): ResourceList {
  return { ...(tenant?.spec.resourceQuotas?.items?.[0]?.hard ?? {}) };
}

/** Capsule's annotation with the tenant-wide use of one quota key. */
export function capsuleUsedAnnotation(key: string): string {
  return `quota.capsule.clastix.io/used-${key.replace(/\//g, '_')}`;
}

/**
 * The team's quota: hard from the Tenant; used per key from Capsule's
 * tenant-wide annotation when its controller maintains one, else the exact
 * sum over the team's namespaces.
 */
export function teamQuotaStatus(
  tenant: Tenant | undefined,
  namespaces: QuotaStatus[],
): QuotaStatus {
  const hard = tenantHardQuota(tenant);
  const annotations = tenant?.metadata.annotations ?? {};
  const keys = new Set([
    ...Object.keys(hard),
    ...namespaces.flatMap(status => Object.keys(status.used)),
  ]);
  const used: ResourceList = {};
  for (const key of keys) {
    const fromCapsule = quantityOf(annotations[capsuleUsedAnnotation(key)]);
    if (fromCapsule) {
      used[key] = formatQuantity(fromCapsule);
      continue;
    }
    let sum: Quantity | undefined;
    for (const status of namespaces) {
      const quantity = quantityOf(status.used[key]);
      if (quantity) sum = sum ? addQuantity(sum, quantity) : quantity;
    }
    used[key] = sum ? formatQuantity(sum) : '0';
  }
  return { hard, used };
}
