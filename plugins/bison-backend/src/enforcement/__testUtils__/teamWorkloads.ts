import * as k8s from '@kubernetes/client-node';
import path from 'node:path';
import {
  adminKubeConfig,
  applyManifest,
} from '../../__testUtils__/kubernetes/testCluster';

const DEPLOY_DIR = path.resolve(__dirname, '../../../../../deploy');

/** Installs the admission policy that refuses pods of suspended teams. */
export async function installAdmissionPolicy() {
  await applyManifest(
    adminKubeConfig(),
    path.join(DEPLOY_DIR, 'admission-policy.yaml'),
  );
}

const podSpec = (gpus = 0): k8s.V1PodSpec => ({
  restartPolicy: 'Never',
  containers: [
    {
      name: 'main',
      image: 'registry.example/train:1',
      resources: {
        requests: { cpu: '100m', memory: '64Mi' },
        ...(gpus > 0 ? { limits: { 'nvidia.com/gpu': String(gpus) } } : {}),
      },
    },
  ],
});

const template = (app: string, gpus = 0): k8s.V1PodTemplateSpec => ({
  metadata: { labels: { app } },
  spec: { ...podSpec(gpus), restartPolicy: 'Always' },
});

/**
 * Workloads a team's namespaces hold, created by the admin: what suspension
 * must stop and resume must restore.
 */
export function teamWorkloads(kc: k8s.KubeConfig = adminKubeConfig()) {
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const batch = kc.makeApiClient(k8s.BatchV1Api);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  return {
    apps,
    batch,
    core,
    deployment: (namespace: string, name: string, replicas: number, gpus = 0) =>
      apps.createNamespacedDeployment({
        namespace,
        body: {
          metadata: { name },
          spec: {
            replicas,
            selector: { matchLabels: { app: name } },
            template: template(name, gpus),
          },
        },
      }),
    statefulSet: (namespace: string, name: string, replicas: number) =>
      apps.createNamespacedStatefulSet({
        namespace,
        body: {
          metadata: { name },
          spec: {
            replicas,
            serviceName: name,
            selector: { matchLabels: { app: name } },
            template: template(name),
          },
        },
      }),
    cronJob: (namespace: string, name: string) =>
      batch.createNamespacedCronJob({
        namespace,
        body: {
          metadata: { name },
          spec: {
            schedule: '*/5 * * * *',
            jobTemplate: { spec: { template: { spec: podSpec() } } },
          },
        },
      }),
    job: (
      namespace: string,
      name: string,
      options: { suspend?: boolean; gpus?: number } = {},
    ) =>
      batch.createNamespacedJob({
        namespace,
        body: {
          metadata: { name },
          spec: {
            suspend: options.suspend ?? false,
            template: { spec: podSpec(options.gpus) },
          },
        },
      }),
    pod: (namespace: string, name: string) =>
      core.createNamespacedPod({
        namespace,
        body: { metadata: { name }, spec: podSpec() },
      }),
    /** Replicas and suspend flags of everything, to compare before and after. */
    async snapshot(namespaces: string[]) {
      const result: Record<string, unknown> = {};
      for (const namespace of namespaces) {
        for (const d of (await apps.listNamespacedDeployment({ namespace }))
          .items)
          result[`${namespace}/deployment/${d.metadata!.name}`] =
            d.spec?.replicas;
        for (const s of (await apps.listNamespacedStatefulSet({ namespace }))
          .items)
          result[`${namespace}/statefulset/${s.metadata!.name}`] =
            s.spec?.replicas;
        for (const c of (await batch.listNamespacedCronJob({ namespace }))
          .items)
          result[`${namespace}/cronjob/${c.metadata!.name}`] =
            c.spec?.suspend ?? false;
        for (const j of (await batch.listNamespacedJob({ namespace })).items)
          if (!j.metadata?.ownerReferences?.length)
            result[`${namespace}/job/${j.metadata!.name}`] =
              j.spec?.suspend ?? false;
        const ns = await core.readNamespace({ name: namespace });
        result[`${namespace}/labels`] = Object.keys(ns.metadata?.labels ?? {})
          .filter(key => key.startsWith('bison.io/'))
          .sort();
      }
      return result;
    },
  };
}
