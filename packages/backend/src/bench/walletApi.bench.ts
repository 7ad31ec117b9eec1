import { TestDatabases } from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import request from 'supertest';
import { callers, startBisonBackend } from '../__testUtils__/startBisonBackend';

jest.setTimeout(10 * 60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const CLIENTS = 50;
const REQUESTS = Number(process.env.BISON_BENCH_REQUESTS ?? 5000);
const WARM_UP_REQUESTS = 1000;

// The clients run on a worker thread so that they do not compete with the
// backend for its event loop, as a separate load generator would not.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, authorization, clients, requests } = workerData;
(async () => {
  const latencies = [];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < requests) {
      next += 1;
      const t0 = process.hrtime.bigint();
      const res = await fetch(url, { headers: { Authorization: authorization } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error('status ' + res.status);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }));
  parentPort.postMessage(latencies);
})().catch(error => { throw error; });
`;

function loadFromWorker(
  url: string,
  authorization: string,
  requests: number,
): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: { url, authorization, clients: CLIENTS, requests },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

describe.each(databases.eachSupportedId())('wallet API on %p', databaseId => {
  it(`GET /teams/{team}/wallet at ${CLIENTS} concurrent clients with permissions`, async () => {
    const server = await startBisonBackend(await databases.init(databaseId));
    await request(server)
      .post('/api/bison/teams')
      .set('Authorization', callers.admin)
      .send({ name: 'ml-team', groupRef: 'group:default/ml-team' });
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/bison`;

    const rows = [];
    for (const [caller, path] of [
      ['member', '/teams/ml-team/wallet'],
      ['admin', '/teams/ml-team/wallet'],
      ['member', '/settings'],
      ['anonymous', '/health'],
    ] as const) {
      const url = base + path;
      await loadFromWorker(url, callers[caller], WARM_UP_REQUESTS);
      const started = process.hrtime.bigint();
      const latencies = await loadFromWorker(url, callers[caller], REQUESTS);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      rows.push({
        database: databaseId,
        caller,
        path,
        requests: latencies.length,
        perSecond: Math.round(latencies.length / seconds),
        p50: +percentile(latencies, 50).toFixed(2),
        p95: +percentile(latencies, 95).toFixed(2),
        max: +latencies[latencies.length - 1].toFixed(2),
      });
    }
    // Straight to stdout: Jest decorates console output with stack traces.
    process.stdout.write(
      `\nGET /teams/{team}/wallet, ${CLIENTS} clients, permissions on (ms)\n${rows
        .map(r => `  ${JSON.stringify(r)}`)
        .join('\n')}\n`,
    );
  });
});
