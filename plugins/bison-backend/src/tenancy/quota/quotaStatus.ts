import * as k8s from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
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

/** A quantity as Kubernetes reports it, or undefined when unreadable. */
export function quantityOf(text: string | undefined): Quantity | undefined {
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

/**
 * Capsule's labels on the ResourceQuotas `capsule-<tenant>-<index>` it
 * writes into every namespace of a Tenant, one per item of its
 * `resourceQuotas` (Bison writes one item: index 0). They do not carry
 * Bison's tenant label (capsule.clastix.io/tenant): Capsule removes it.
 */
export const CAPSULE_QUOTA_TENANT_LABEL = 'projectcapsule.dev/tenant';
export const CAPSULE_QUOTA_INDEX_LABEL = 'capsule.clastix.io/resource-quota';

/** Selects Capsule's ResourceQuotas of the Tenants' first quota item. */
export function capsuleQuotaSelector(team?: string): string {
  return [
    `${CAPSULE_QUOTA_INDEX_LABEL}=0`,
    ...(team ? [`${CAPSULE_QUOTA_TENANT_LABEL}=${team}`] : []),
  ].join(',');
}

/** Whether `quota` is Capsule's copy of the team quota (item 0 of its Tenant). */
export function isCapsuleQuotaOf(
  quota: k8s.V1ResourceQuota,
  team: string,
): boolean {
  const labels = quota.metadata?.labels ?? {};
  return (
    quota.metadata?.name === `capsule-${team}-0` &&
    labels[CAPSULE_QUOTA_TENANT_LABEL] === team &&
    labels[CAPSULE_QUOTA_INDEX_LABEL] === '0'
  );
}

const CAPSULE_USED_PREFIX = 'quota.capsule.clastix.io/used-';

/**
 * Capsule's annotation, on its ResourceQuotas, with the tenant-wide use of
 * one quota key: named as Capsule v0.14 names it (`/` as `_`, or the MD5 of
 * that when the name would exceed 63 characters).
 */
export function capsuleUsedAnnotation(key: string): string {
  const resource = key.replace(/\//g, '_');
  const plain = `${CAPSULE_USED_PREFIX}${resource}`;
  if (plain.length <= 63) return plain;
  return `${CAPSULE_USED_PREFIX}${createHash('md5')
    .update(resource)
    .digest('hex')}`;
}

/**
 * Capsule's tenant-wide use of `key`, from the annotations of its quotas in
 * the team's namespaces. Capsule writes the same total on all of them in
 * one pass; until it has, the largest.
 */
function capsuleUsed(
  capsuleQuotas: k8s.V1ResourceQuota[],
  key: string,
): Quantity | undefined {
  let largest: Quantity | undefined;
  for (const quota of capsuleQuotas) {
    const quantity = quantityOf(
      quota.metadata?.annotations?.[capsuleUsedAnnotation(key)],
    );
    if (quantity && (!largest || compareQuantity(quantity, largest) > 0)) {
      largest = quantity;
    }
  }
  return largest;
}

/**
 * The team's quota: hard from the Tenant; used per key from Capsule's
 * tenant-wide total where its controller keeps one (on its quotas
 * `capsule-<team>-0`, given as `capsuleQuotas`), else the exact sum over the
 * team's namespaces (without Capsule: of the keys their own quotas track).
 */
export function teamQuotaStatus(
  tenant: Tenant | undefined,
  namespaces: QuotaStatus[],
  capsuleQuotas: k8s.V1ResourceQuota[] = [],
): QuotaStatus {
  const hard = tenantHardQuota(tenant);
  const keys = new Set([
    ...Object.keys(hard),
    ...namespaces.flatMap(status => Object.keys(status.used)),
  ]);
  const used: ResourceList = {};
  for (const key of keys) {
    const fromCapsule = capsuleUsed(capsuleQuotas, key);
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
