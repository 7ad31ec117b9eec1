import * as k8s from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');

/** The chart of deploy/chart. */
export const CHART_DIR = path.join(repoRoot, 'deploy/chart');

/**
 * The Helm CLI and the ServiceMonitor CRD, built and fetched from the Go
 * module proxy by scripts/helm/build.sh on first use (a few minutes), then
 * taken from its cache.
 */
export function helmTools(): { helm: string; serviceMonitorCrd: string } {
  execFileSync(path.join(repoRoot, 'scripts/helm/build.sh'), {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [helm, serviceMonitorCrd] = execFileSync(
    'bash',
    [
      '-c',
      'source scripts/helm/versions.sh && printf "%s\\n%s" "$HELM_BIN/helm" "$SERVICEMONITOR_CRD"',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  ).split('\n');
  return { helm, serviceMonitorCrd };
}

/** Runs helm, failing with its output when it fails. */
export function runHelm(helm: string, args: string[]): string {
  try {
    return execFileSync(helm, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`helm ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/** Every object `helm template` renders for the chart with these values. */
export function renderChart(
  helm: string,
  options: { release: string; namespace: string; valuesFile?: string },
): k8s.KubernetesObject[] {
  const yaml = runHelm(helm, [
    'template',
    options.release,
    CHART_DIR,
    '--namespace',
    options.namespace,
    ...(options.valuesFile ? ['--values', options.valuesFile] : []),
  ]);
  return parseAllDocuments(yaml)
    .map(doc => doc.toJS() as k8s.KubernetesObject | null)
    .filter((object): object is k8s.KubernetesObject => Boolean(object));
}
