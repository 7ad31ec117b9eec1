import * as k8s from '@kubernetes/client-node';

/** A quantity map such as a ResourceQuota's `hard` or a node's capacity. */
export type ResourceList = Record<string, string>;

/** The fields of a Capsule `Tenant` (capsule.clastix.io/v1beta2) Bison reads. */
export interface TenantOwner {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  [other: string]: unknown;
}

export interface Tenant {
  apiVersion: 'capsule.clastix.io/v1beta2';
  kind: 'Tenant';
  metadata: k8s.V1ObjectMeta;
  spec: {
    owners?: TenantOwner[];
    resourceQuotas?: {
      scope?: 'Tenant' | 'Namespace';
      items?: Array<{ hard?: ResourceList; [other: string]: unknown }>;
    };
    nodeSelector?: Record<string, string>;
    [other: string]: unknown;
  };
  status?: { namespaces?: string[]; size?: number; state?: string };
}

export const TENANT_API = {
  group: 'capsule.clastix.io',
  version: 'v1beta2',
  plural: 'tenants',
} as const;
