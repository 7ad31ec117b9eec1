import * as k8s from '@kubernetes/client-node';
import { DEFAULT_TOLERATIONS_ANNOTATION, POOL_LABEL } from '../kubernetesNames';
import { Pool } from '../tenants/tenantFields';
import { poolTaint } from './nodePool';

function parseTolerations(value: string | undefined): k8s.V1Toleration[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return []; // not a list of tolerations: replaced
  }
}

/**
 * The value of a namespace's default-tolerations annotation for a team in
 * `pool`: the toleration of the team's node taint when exclusive (so its
 * pods can run on its reserved nodes), and whatever else was there. Null
 * when nothing is left, which removes the annotation in a merge patch.
 */
export function poolTolerationsValue(
  current: string | undefined,
  team: string,
  pool: Pool,
): string | null {
  const others = parseTolerations(current).filter(
    toleration => toleration.key !== POOL_LABEL,
  );
  const taint = poolTaint(team);
  const tolerations =
    pool === 'exclusive'
      ? [
          ...others,
          {
            key: taint.key,
            operator: 'Equal',
            value: taint.value,
            effect: taint.effect,
          },
        ]
      : others;
  return tolerations.length > 0 ? JSON.stringify(tolerations) : null;
}

/** Whether the annotation holds exactly the pool toleration `pool` needs. */
export function hasPoolTolerations(
  current: string | undefined,
  team: string,
  pool: Pool,
): boolean {
  const ours = parseTolerations(current).filter(
    toleration => toleration.key === POOL_LABEL,
  );
  if (pool === 'shared') return ours.length === 0;
  const taint = poolTaint(team);
  return (
    ours.length === 1 &&
    ours[0].operator === 'Equal' &&
    ours[0].value === taint.value &&
    ours[0].effect === taint.effect
  );
}

/** A merge patch giving a project namespace the tolerations of `pool`. */
export function poolTolerationsPatch(
  namespace: k8s.V1Namespace,
  team: string,
  pool: Pool,
): object {
  const current =
    namespace.metadata?.annotations?.[DEFAULT_TOLERATIONS_ANNOTATION];
  return {
    metadata: {
      annotations: {
        [DEFAULT_TOLERATIONS_ANNOTATION]: poolTolerationsValue(
          current,
          team,
          pool,
        ),
      },
    },
  };
}
