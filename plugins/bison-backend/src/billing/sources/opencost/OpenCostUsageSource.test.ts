import { ConfigReader } from '@backstage/config';
import { readFileSync } from 'node:fs';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  createOpenCostUsageSource,
  OpenCostUsageSource,
} from './OpenCostUsageSource';

// Contract tests: recorded OpenCost answers (see __fixtures__) served by a
// real HTTP server, read through the real fetch.

const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

const WINDOW = {
  start: new Date('2025-03-10T10:00:00Z'),
  end: new Date('2025-03-10T11:00:00Z'),
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let requests: IncomingMessage[];

function answer(status: number, body: string, contentType: string) {
  handler = (_req, res) => {
    res.writeHead(status, { 'Content-Type': contentType });
    res.end(body);
  };
}
const answerJson = (status: number, name: string) =>
  answer(status, fixture(name), 'application/json');

function source(opencost: Record<string, unknown> = {}) {
  const created = createOpenCostUsageSource(
    new ConfigReader({
      bison: { billing: { opencost: { baseUrl, ...opencost } } },
    }),
  );
  if (!created) throw new Error('expected a source');
  return created;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  requests = [];
  answerJson(200, 'allocation-namespace.json');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

describe('OpenCostUsageSource', () => {
  it('has the id opencost', () => {
    expect(source().id).toBe('opencost');
  });

  it('asks for the window, aggregated by namespace and accumulated', async () => {
    await source().getUsage(WINDOW, {});
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe('GET');
    expect(requests[0].url).toBe(
      '/allocation?window=2025-03-10T10:00:00Z,2025-03-10T11:00:00Z&aggregate=namespace&accumulate=true',
    );
    expect(requests[0].headers.accept).toBe('application/json');
    expect(requests[0].headers.authorization).toBeUndefined();
  });

  it('keeps the base path and uses the configured endpoint (Kubecost)', async () => {
    await createOpenCostUsageSource(
      new ConfigReader({
        bison: {
          billing: {
            opencost: {
              baseUrl: `${baseUrl}/model/`,
              path: '/allocation/compute',
            },
          },
        },
      }),
    )!.getUsage(WINDOW, {});
    expect(requests[0].url).toBe(
      '/model/allocation/compute?window=2025-03-10T10:00:00Z,2025-03-10T11:00:00Z&aggregate=namespace&accumulate=true',
    );
  });

  it('sends the bearer token and extra headers', async () => {
    await source({
      token: 's3cret-token',
      headers: { 'X-Scope-OrgID': 'tenant-1' },
    }).getUsage(WINDOW, {});
    expect(requests[0].headers.authorization).toBe('Bearer s3cret-token');
    expect(requests[0].headers['x-scope-orgid']).toBe('tenant-1');
  });

  it('returns exact usage per namespace', async () => {
    const usage = await source().getUsage(WINDOW, {});
    expect(usage).toEqual([
      // __idle__ is skipped; __unallocated__ is kept under its own name.
      { namespace: '__unallocated__', resource: 'cpu', quantity: '0.5' },
      { namespace: '__unallocated__', resource: 'memory', quantity: '0.5' },
      { namespace: 'kube-system', resource: 'cpu', quantity: '0.75' },
      { namespace: 'kube-system', resource: 'memory', quantity: '0.75' },
      // cpuCoreHours is null: counted as zero, so no cpu line.
      // 12345678901.23456 B·h / 2^30 = 11.49780945967376…, half-even to 9 decimals.
      { namespace: 'ml-research', resource: 'memory', quantity: '11.49780946' },
      { namespace: 'ml-research', resource: 'nvidia.com/gpu', quantity: '7.5' },
      // 'quiet' has only zeros: no lines at all.
      { namespace: 'team-a', resource: 'cpu', quantity: '1.23456' },
      { namespace: 'team-a', resource: 'memory', quantity: '64' },
      { namespace: 'team-a', resource: 'nvidia.com/gpu', quantity: '2' },
      { namespace: 'team-b', resource: 'cpu', quantity: '0.00001' },
      // 1073741824.75 B·h = 1.000000000698… GiB·h
      { namespace: 'team-b', resource: 'memory', quantity: '1.000000001' },
      // started mid-window: fine, others cover the whole window.
      { namespace: 'team-c', resource: 'cpu', quantity: '2' },
      { namespace: 'team-c', resource: 'memory', quantity: '4' },
      { namespace: 'team-c', resource: 'nvidia.com/gpu', quantity: '1' },
    ]);
  });

  it('warns about partly null usage figures', async () => {
    const warn = jest.fn();
    const created = createOpenCostUsageSource(
      new ConfigReader({ bison: { billing: { opencost: { baseUrl } } } }),
      { logger: { warn } as any },
    )!;
    await created.getUsage(WINDOW, {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /'ml-research' has null cpuCoreHours/,
    );
  });

  it('refuses an allocation whose usage figures are all null', async () => {
    answerJson(200, 'allocation-all-null.json');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      /'team-a' ran 60 minutes but all of cpuCoreHours, ramByteHours, gpuHours are null/,
    );
  });

  it('rejects an HTTP 500 JSON error with its status and message', async () => {
    answerJson(500, 'http-500-error.json');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      'answered HTTP 500: Error: error querying allocation: context deadline exceeded',
    );
  });

  it('rejects a plain-text HTTP 400 with its status and text', async () => {
    answer(400, fixture('http-400-bad-window.txt'), 'text/plain');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      "answered HTTP 400: Invalid 'window' parameter: illegal window",
    );
  });

  it('rejects an error envelope sent with HTTP 200', async () => {
    answerJson(200, 'envelope-error.json');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      /answer has code 500: Error: error computing allocation .* Prometheus communication error/,
    );
  });

  it('rejects malformed JSON', async () => {
    answer(
      200,
      fixture('allocation-namespace.json').slice(0, 500),
      'application/json',
    );
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      /is not valid JSON/,
    );
  });

  it('rejects a window whose data ends early as not yet available', async () => {
    answerJson(200, 'allocation-not-covered.json');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      'Usage not yet available: OpenCost has data for 2025-03-10T10:00:00Z, 2025-03-10T10:45:00Z only',
    );
  });

  it('rejects a set computed for a shorter window as not yet available', async () => {
    answerJson(200, 'allocation-window-clamped.json');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      'Usage not yet available: OpenCost computed the window 2025-03-10T10:00:00Z, 2025-03-10T10:42:17Z instead of',
    );
  });

  it('rejects an empty allocation set as not yet available', async () => {
    answerJson(200, 'allocation-empty.json');
    await expect(source().getUsage(WINDOW, {})).rejects.toThrow(
      'Usage not yet available: OpenCost returned an empty allocation set',
    );
  });

  it('rejects a window that ends in the future without asking', async () => {
    const start = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000);
    const end = new Date(start.getTime() + 3600_000);
    await expect(source().getUsage({ start, end }, {})).rejects.toThrow(
      /not yet available: the window ends at .* in the future/,
    );
    expect(requests).toHaveLength(0);
  });

  it('rejects windows it cannot express exactly', async () => {
    const s = source();
    await expect(
      s.getUsage({ start: WINDOW.end, end: WINDOW.start }, {}),
    ).rejects.toThrow(/is not before end/);
    await expect(
      s.getUsage(
        { start: new Date('2025-03-10T10:00:00.500Z'), end: WINDOW.end },
        {},
      ),
    ).rejects.toThrow(/whole second/);
    expect(requests).toHaveLength(0);
  });

  it('gives up after the timeout when OpenCost does not answer', async () => {
    handler = () => {}; // never answers
    const started = Date.now();
    await expect(
      source({ timeout: '200ms' }).getUsage(WINDOW, {}),
    ).rejects.toThrow(/did not answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(requests).toHaveLength(1);
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    handler = () => {}; // never answers
    const controller = new AbortController();
    const reason = new Error('engine shutting down');
    const usage = source().getUsage(WINDOW, { signal: controller.signal });
    await new Promise(resolve => setTimeout(resolve, 50));
    controller.abort(reason);
    await expect(usage).rejects.toBe(reason);
  });

  it('rejects with the abort reason when already aborted', async () => {
    const reason = new Error('too late');
    await expect(
      source().getUsage(WINDOW, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(requests).toHaveLength(0);
  });

  it('rejects when OpenCost cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    await expect(
      new OpenCostUsageSource({
        baseUrl: `http://127.0.0.1:${port}`,
        allocationPath: '/allocation',
        timeoutMs: 5000,
        headers: {},
      }).getUsage(WINDOW, {}),
    ).rejects.toThrow(/OpenCost: request to .* failed: fetch failed/);
  });

  it('never puts the token into error messages', async () => {
    answerJson(500, 'http-500-error.json');
    const error = await source({ token: 's3cret-token' })
      .getUsage(WINDOW, {})
      .catch(e => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message)).not.toContain('s3cret');
  });
});
