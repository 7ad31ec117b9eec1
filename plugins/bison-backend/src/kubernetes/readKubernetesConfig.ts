import { Config } from '@backstage/config';
import * as k8s from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';

/** Where Bison reaches its cluster, from `bison.kubernetes`. */
export interface KubernetesSettings {
  kubeConfig: k8s.KubeConfig;
  /** The namespace the backend runs in; no project may take its name. */
  systemNamespace: string;
}

const DEFAULT_SYSTEM_NAMESPACE = 'bison-system';

/**
 * Reads `bison.kubernetes`: exactly one of `inCluster`, `kubeconfig` or
 * `cluster`. Returns undefined when the section is absent, in which case
 * teams are ledger-only records and the tenancy routes answer 503.
 */
export function readKubernetesConfig(
  config: Config,
): KubernetesSettings | undefined {
  const section = config.getOptionalConfig('bison.kubernetes');
  if (!section) return undefined;
  const systemNamespace =
    section.getOptionalString('systemNamespace') ?? DEFAULT_SYSTEM_NAMESPACE;

  const sources = ['inCluster', 'kubeconfig', 'cluster'].filter(key =>
    section.has(key),
  );
  if (sources.length !== 1) {
    throw new Error(
      `bison.kubernetes must set exactly one of inCluster, kubeconfig or cluster; found ${
        sources.length ? sources.join(', ') : 'none'
      }`,
    );
  }

  const kubeConfig = new k8s.KubeConfig();
  if (sources[0] === 'inCluster') {
    kubeConfig.loadFromCluster();
  } else if (sources[0] === 'kubeconfig') {
    const path = section.getOptionalString('kubeconfig.path');
    if (path) kubeConfig.loadFromFile(path);
    else kubeConfig.loadFromDefault();
    const context = section.getOptionalString('kubeconfig.context');
    if (context) kubeConfig.setCurrentContext(context);
  } else {
    const cluster = section.getConfig('cluster');
    const tokenFile = cluster.getOptionalString('tokenFile');
    const token =
      cluster.getOptionalString('token') ??
      (tokenFile ? readFileSync(tokenFile, 'utf8').trim() : undefined);
    if (!token) {
      throw new Error('bison.kubernetes.cluster needs token or tokenFile');
    }
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: 'bison',
          server: cluster.getString('url'),
          caFile: cluster.getOptionalString('caFile'),
          caData: cluster.getOptionalString('caData'),
          skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
        },
      ],
      users: [{ name: 'bison', token }],
      contexts: [{ name: 'bison', cluster: 'bison', user: 'bison' }],
      currentContext: 'bison',
    });
  }
  return { kubeConfig, systemNamespace };
}
