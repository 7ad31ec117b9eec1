// Creates the demo teams of examples/bison-demo.json through the Bison API, as
// the demo's admin user: each team, an opening recharge and its auto-recharge
// policy; with a cluster, also its quota, projects and reserved nodes. Safe to run again: existing teams are kept and the recharges carry
// fixed idempotency keys. Waits for the backend and its catalog to be ready.
// With KUBECONFIG set (the local cluster), also the workloads of
// examples/demo-workloads.yaml in the projects, for suspension to stop.
// Then, when a usage source is configured (the demo usage of
// scripts/demo/backfill-usage.mjs), starts a billing run and waits for it: the
// projects exist now, so their usage is charged to the teams.
//   node scripts/seed-demo.mjs [baseUrl]
import * as k8s from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const baseUrl = process.argv[2] ?? 'http://localhost:7007';
const demo = JSON.parse(
  readFileSync(new URL('../examples/bison-demo.json', import.meta.url), 'utf8'),
);
const deadline = Date.now() + 5 * 60_000;

async function retrying(what, attempt) {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error.message}`);
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }
}

async function call(token, method, path, body, headers = {}) {
  const res = await fetch(`${baseUrl}/api/bison${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

const token = await retrying('signing in', async () => {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh?env=development`);
  if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
});

/** Quota, projects and nodes; skipped when no cluster is configured (503). */
async function seedTenancy(team) {
  const expect = (what, res, ...ok) => {
    if (res.status === 503) return false;
    if (!ok.includes(res.status)) {
      throw new Error(`${what}: ${JSON.stringify(res.body)}`);
    }
    return true;
  };
  if (team.quota) {
    const res = await call(
      token,
      'PUT',
      `/teams/${team.name}/quota`,
      team.quota,
    );
    if (!expect(`quota of ${team.name}`, res, 200)) return;
  }
  // Nodes before projects: Capsule v0.14.0 denies updates of a tenant's
  // existing namespaces once its nodeSelector changed (capsule#2142), so
  // reserving a node for a team with projects fails; projects created after
  // get the node selector and toleration at creation.
  for (const node of team.nodes ?? []) {
    const res = await call(token, 'POST', `/nodes/${node}/assign`, {
      team: team.name,
    });
    expect(`node ${node}`, res, 200, 409);
  }
  for (const project of team.projects ?? []) {
    const res = await call(
      token,
      'POST',
      `/teams/${team.name}/projects`,
      project,
    );
    expect(`project ${project.name}`, res, 201, 409);
  }
}

for (const team of demo.teams) {
  // The catalog may not have read the example Groups yet: retry until it has.
  await retrying(`creating team ${team.name}`, async () => {
    const res = await call(token, 'POST', '/teams', {
      name: team.name,
      groupRef: team.groupRef,
    });
    if (res.status !== 201 && res.status !== 409) {
      throw new Error(res.body.error?.message ?? `status ${res.status}`);
    }
  });
  const recharge = await call(
    token,
    'POST',
    `/teams/${team.name}/wallet/recharges`,
    { amount: team.openingBalance, reason: 'Opening balance of the demo' },
    { 'Idempotency-Key': `demo-opening-${team.name}` },
  );
  if (recharge.status !== 201) {
    throw new Error(
      `recharging ${team.name}: ${JSON.stringify(recharge.body)}`,
    );
  }
  if (team.autoRecharge) {
    await call(
      token,
      'PUT',
      `/teams/${team.name}/wallet/auto-recharge`,
      team.autoRecharge,
    );
  }
  await seedTenancy(team);
  console.log(`demo: team ${team.name} ready`);
}

/** The demo workloads in the projects, as the cluster's admin. */
async function seedWorkloads() {
  if (!process.env.KUBECONFIG) return;
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(process.env.KUBECONFIG);
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const text = readFileSync(
    new URL('../examples/demo-workloads.yaml', import.meta.url),
    'utf8',
  );
  for (const doc of parseAllDocuments(text)) {
    const object = doc.toJS();
    try {
      await objects.create(object);
    } catch (error) {
      // 409: kept from an earlier seed; 404: that project is not there.
      if (error.code !== 409 && error.code !== 404) throw error;
    }
  }
  console.log('demo: workloads created in the projects');
}
await seedWorkloads();

/** Bills what the usage source holds now that the projects exist. */
async function bill() {
  const status = await call(token, 'GET', '/billing/status');
  if (status.status !== 200 || !status.body.source?.registered) return;
  const run = await call(token, 'POST', '/billing/runs');
  if (run.status === 409) return; // a run started here is under way
  if (run.status !== 200 || run.body.status !== 'succeeded') {
    throw new Error(`billing the demo usage: ${JSON.stringify(run.body)}`);
  }
  const usage = await Promise.all(
    demo.teams.map(async team => {
      const res = await call(token, 'GET', `/teams/${team.name}/usage`);
      return `${team.name} ${res.body.total ?? '?'}`;
    }),
  );
  console.log(
    `demo: billed ${run.body.windowsBilled} hours of usage (${usage.join(
      ', ',
    )})`,
  );
}
await bill();
