import * as k8s from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  CHART_DIR,
  helmTools,
  renderChart,
  runHelm,
} from '../__testUtils__/helm';
import { serverSideDryRun } from '../__testUtils__/kubernetes/serverSideDryRun';
import {
  adminKubeConfig,
  applyManifest,
} from '../__testUtils__/kubernetes/testCluster';

// The first run builds Helm from the Go module proxy (about 5 minutes).
jest.setTimeout(15 * 60_000);

const NAMESPACE = 'bison-chart-check';
const PRODUCTION_VALUES = path.join(CHART_DIR, 'ci/production-values.yaml');
const DEPLOY_DIR = path.resolve(CHART_DIR, '..');

type Manifest = k8s.KubernetesObject & Record<string, any>;

function find(objects: Manifest[], kind: string, name?: string): Manifest {
  const found = objects.find(
    o => o.kind === kind && (!name || o.metadata?.name === name),
  );
  if (!found) throw new Error(`No ${kind} ${name ?? ''} rendered`);
  return found;
}

function plainManifest(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(DEPLOY_DIR, file), 'utf8'))
    .map(doc => doc.toJS() as Manifest)
    .filter(Boolean);
}

async function waitUntilEstablished(kc: k8s.KubeConfig, name: string) {
  const api = kc.makeApiClient(k8s.ApiextensionsV1Api);
  for (let attempt = 0; attempt < 100; attempt++) {
    const crd = await api.readCustomResourceDefinition({ name });
    const established = crd.status?.conditions?.some(
      c => c.type === 'Established' && c.status === 'True',
    );
    if (established) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`CRD ${name} not established`);
}

describe('the Helm chart of deploy/chart', () => {
  let helm: string;
  let serviceMonitorCrd: string;
  let defaults: Manifest[];
  let production: Manifest[];

  beforeAll(() => {
    ({ helm, serviceMonitorCrd } = helmTools());
    defaults = renderChart(helm, { release: 'bison', namespace: NAMESPACE });
    production = renderChart(helm, {
      release: 'portal',
      namespace: NAMESPACE,
      valuesFile: PRODUCTION_VALUES,
    });
  });

  it('passes helm lint --strict with the default and the production values', () => {
    expect(runHelm(helm, ['lint', '--strict', CHART_DIR])).toMatch(
      /1 chart\(s\) linted, 0 chart\(s\) failed/,
    );
    expect(
      runHelm(helm, ['lint', '--strict', CHART_DIR, '-f', PRODUCTION_VALUES]),
    ).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it('runs two replicas by default, with probes, a disruption budget and no root', () => {
    const deployment = find(defaults, 'Deployment');
    expect(deployment.spec.replicas).toBe(2);
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(container.readinessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/readiness',
    );
    expect(container.livenessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/liveness',
    );
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const password = container.env.find(
      (e: any) => e.name === 'POSTGRES_PASSWORD',
    );
    expect(password.valueFrom.secretKeyRef).toEqual({
      name: 'bison-postgresql',
      key: 'password',
    });
    expect(container.command).toContain('/etc/bison/app-config.chart.yaml');

    const budget = find(defaults, 'PodDisruptionBudget');
    expect(budget.spec.maxUnavailable).toBe(1);
    expect(deployment.spec.template.metadata.labels).toMatchObject(
      budget.spec.selector.matchLabels,
    );
    expect(find(defaults, 'ClusterRoleBinding').subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: pod.serviceAccountName,
        namespace: NAMESPACE,
      },
    ]);
    expect(defaults.map(o => o.kind)).not.toContain('ServiceMonitor');
    expect(defaults.map(o => o.kind)).not.toContain('Ingress');
  });

  it('configures the cluster in-cluster and merges the configuration of the values', () => {
    const config = (objects: Manifest[]) =>
      parse(find(objects, 'ConfigMap').data['app-config.chart.yaml']);
    expect(config(defaults)).toEqual({
      bison: { kubernetes: { inCluster: true, namespace: NAMESPACE } },
    });
    expect(config(production).bison).toMatchObject({
      currency: { code: 'EUR' },
      billing: { source: 'opencost' },
      kubernetes: { inCluster: true, namespace: NAMESPACE },
    });
    expect(find(production, 'Deployment').spec.replicas).toBe(3);
    expect(find(production, 'ServiceMonitor').spec.endpoints).toEqual([
      { port: 'metrics', path: '/metrics', interval: '15s' },
    ]);
    expect(find(production, 'Ingress').spec.rules[0].host).toBe(
      'portal.example.com',
    );
  });

  it('grants exactly the RBAC and installs the admission policy of the plain manifests', () => {
    const plainRbac = plainManifest('rbac.yaml');
    const plainPolicy = plainManifest('admission-policy.yaml');
    for (const objects of [defaults, production]) {
      expect(find(objects, 'ClusterRole').rules).toEqual(
        find(plainRbac, 'ClusterRole').rules,
      );
      expect(find(objects, 'ClusterRoleBinding').roleRef.kind).toBe(
        'ClusterRole',
      );
      for (const kind of [
        'ValidatingAdmissionPolicy',
        'ValidatingAdmissionPolicyBinding',
      ]) {
        expect(find(objects, kind, 'bison-block-new-pods').spec).toEqual(
          find(plainPolicy, kind).spec,
        );
      }
    }
  });

  it.each([
    ['default', () => defaults],
    ['production', () => production],
  ])(
    'renders, with the %s values, objects this API server accepts (server-side dry run)',
    async (_name, objects) => {
      const admin = adminKubeConfig();
      // Namespaces and CRDs must exist for real before a dry run of what is in them.
      await applyManifest(admin, serviceMonitorCrd);
      await waitUntilEstablished(
        admin,
        'servicemonitors.monitoring.coreos.com',
      );
      const core = admin.makeApiClient(k8s.CoreV1Api);
      await core
        .createNamespace({ body: { metadata: { name: NAMESPACE } } })
        .catch(error => {
          if ((error as { code?: number }).code !== 409) throw error;
        });

      const accepted: string[] = [];
      for (const object of objects()) {
        const name = `${object.kind}/${object.metadata?.name}`;
        const answer = await serverSideDryRun(admin, object);
        if (answer.status >= 300) {
          throw new Error(
            `${name} refused: ${answer.status} ${answer.body.message}`,
          );
        }
        expect(answer.body.kind).toBe(object.kind);
        accepted.push(name);
      }
      expect(accepted).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Deployment\//),
          expect.stringMatching(/^PodDisruptionBudget\//),
          expect.stringMatching(/^ClusterRole\//),
        ]),
      );
      // A dry run stores nothing.
      const deployment = find(objects(), 'Deployment');
      await expect(
        admin.makeApiClient(k8s.AppsV1Api).readNamespacedDeployment({
          name: deployment.metadata!.name!,
          namespace: NAMESPACE,
        }),
      ).rejects.toMatchObject({ code: 404 });
    },
  );
});
