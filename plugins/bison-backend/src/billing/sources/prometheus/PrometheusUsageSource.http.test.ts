import http from 'node:http';
import net from 'node:net';
import {
  PrometheusDataNotAvailableError,
  PrometheusQueryError,
} from './errors';
import { PrometheusUsageSource } from './PrometheusUsageSource';

// The HTTP side against small local servers: requests sent, answers that are
// not usable, timeouts, cancellation. (Usage itself is tested against a real
// Prometheus in PrometheusUsageSource.test.ts.)

const HOUR_MS = 3_600_000;
const end = Math.floor(Date.now() / HOUR_MS - 2) * HOUR_MS;
const W = { start: new Date(end - HOUR_MS), end: new Date(end) };

interface Request {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  form: URLSearchParams;
}

type Answer = { status?: number; body: string } | 'hang';

const vector = (result: unknown[]) =>
  JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
const sample = (metric: Record<string, string>, value: string) => ({
  metric,
  value: [end / 1000, value],
});

/** Answers the coverage and freshness checks as complete, the rest by `answer`. */
function complete(answer: (form: URLSearchParams) => Answer) {
  return (form: URLSearchParams): Answer => {
    const query = form.get('query')!;
    if (query.startsWith('count_over_time(count(')) {
      return { body: vector([sample({}, '60')]) };
    }
    if (query.startsWith('count(count_over_time(')) {
      return { body: vector([sample({}, '1')]) };
    }
    return answer(form);
  };
}

async function withServer(
  answer: (form: URLSearchParams) => Answer,
  test: (baseUrl: string, requests: Request[]) => Promise<void>,
) {
  const requests: Request[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      const form = new URLSearchParams(text);
      requests.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        form,
      });
      const reply = answer(form);
      if (reply === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(reply.status ?? 200, {
        'Content-Type': 'application/json',
      });
      res.end(reply.body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  try {
    await test(`http://127.0.0.1:${port}/prefix`, requests);
  } finally {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  }
}

const source = (baseUrl: string, options: { timeoutMs?: number } = {}) =>
  new PrometheusUsageSource({
    baseUrl,
    timeoutMs: options.timeoutMs ?? 5_000,
    token: 'secret-token',
    labelMatchers: ['cluster="prod"'],
  });

describe('PrometheusUsageSource over HTTP', () => {
  it('POSTs each query as a form with its time, timeout and the bearer token', async () => {
    await withServer(
      complete(() => ({ body: vector([]) })),
      async (baseUrl, requests) => {
        expect(await source(baseUrl).getUsage(W, {})).toEqual([]);
        expect(requests).toHaveLength(5);
        for (const request of requests) {
          expect(request.method).toBe('POST');
          expect(request.url).toBe('/prefix/api/v1/query');
          expect(request.headers.authorization).toBe('Bearer secret-token');
          expect(request.headers['content-type']).toBe(
            'application/x-www-form-urlencoded;charset=UTF-8',
          );
          expect(request.form.get('timeout')).toBe('5s');
          expect(request.form.get('query')).toContain('cluster="prod"');
        }
        const times = requests.map(r => r.form.get('time')).sort();
        // Four queries at the end - 1 ms, the freshness check 5 minutes after it.
        const justBefore = `${end / 1000 - 1}.999`;
        expect(times).toEqual([
          justBefore,
          justBefore,
          justBefore,
          justBefore,
          `${end / 1000 + 300}`,
        ]);
      },
    );
  });

  it('converts and rounds the answers exactly, and maps resources', async () => {
    await withServer(
      complete(form => {
        const query = form.get('query')!;
        if (query.includes('container_cpu_usage_seconds_total')) {
          // 120.00000000000003 core-minutes, and one 0.0000001 (rounds to 0).
          return {
            body: vector([
              sample({ namespace: 'a' }, '120.00000000000003'),
              sample({ namespace: 'b' }, '0.0000001'),
              sample({ namespace: 'c' }, '0.00003'),
            ]),
          };
        }
        if (query.includes('container_memory_working_set_bytes')) {
          // 1 GiB for 90 minutes, in byte-minutes.
          return { body: vector([sample({ namespace: 'a' }, '96636764160')]) };
        }
        return {
          body: vector([
            sample(
              { namespace: 'a', resource: 'nvidia_com_gpu', model: 'H100' },
              '60',
            ),
            sample({ namespace: 'a', resource: 'nvidia_com_gpu' }, '30'),
            sample(
              { namespace: 'a', resource: 'nvidia_com_mig_3g_40gb' },
              '1e2',
            ),
            sample(
              { namespace: 'a', resource: 'example_com_fpga', model: 'X' },
              '6',
            ),
          ]),
        };
      }),
      async baseUrl => {
        expect(await source(baseUrl).getUsage(W, {})).toEqual([
          { namespace: 'a', resource: 'cpu', quantity: '2' },
          { namespace: 'a', resource: 'example_com_fpga', quantity: '0.1' },
          { namespace: 'a', resource: 'memory', quantity: '1.5' },
          { namespace: 'a', resource: 'nvidia.com/gpu', quantity: '0.5' },
          { namespace: 'a', resource: 'nvidia.com/gpu:H100', quantity: '1' },
          {
            namespace: 'a',
            resource: 'nvidia.com/mig-3g.40gb',
            quantity: '1.666667',
          },
          // 0.00003 / 60 = 0.0000005: half to even → 0; b rounds to 0 too.
        ]);
      },
    );
  });

  it('rounds half to even', async () => {
    await withServer(
      complete(form =>
        form.get('query')!.includes('container_cpu_usage_seconds_total')
          ? {
              body: vector([
                sample({ namespace: 'down' }, '0.00003'), // 0.0000005 → 0
                sample({ namespace: 'up' }, '0.00009'), // 0.0000015 → 0.000002
              ]),
            }
          : { body: vector([]) },
      ),
      async baseUrl => {
        expect(await source(baseUrl).getUsage(W, {})).toEqual([
          { namespace: 'up', resource: 'cpu', quantity: '0.000002' },
        ]);
      },
    );
  });

  it.each([
    [
      'an error envelope',
      {
        status: 422,
        body: '{"status":"error","errorType":"execution","error":"query processing would load too many samples"}',
      },
      /the \S+ query with HTTP 422: execution: query processing would load too many samples$/,
    ],
    [
      'an HTTP error that is not JSON',
      { status: 502, body: '<html><body>Bad Gateway</body></html>' },
      /the \S+ query with HTTP 502: <html><body>Bad Gateway<\/body><\/html>$/,
    ],
    [
      'a body that is not JSON',
      { body: 'ok' },
      /the \S+ query with a body that is not JSON: ok$/,
    ],
    [
      'warnings (partial data)',
      {
        body: JSON.stringify({
          status: 'success',
          data: { resultType: 'vector', result: [] },
          warnings: ['store unavailable'],
        }),
      },
      /query answered with warnings: store unavailable$/,
    ],
    [
      'a matrix',
      {
        body: JSON.stringify({
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        }),
      },
      /query's answer is not an instant vector$/,
    ],
    [
      'a malformed sample',
      {
        body: JSON.stringify({
          status: 'success',
          data: {
            resultType: 'vector',
            result: [{ metric: {}, value: [1, 2] }],
          },
        }),
      },
      /query's answer has a malformed sample$/,
    ],
  ])('throws on %s', async (_, answer, message) => {
    await withServer(
      () => answer,
      async baseUrl => {
        const error = await source(baseUrl)
          .getUsage(W, {})
          .catch(e => e);
        expect(error).toBeInstanceOf(PrometheusQueryError);
        expect(error.message).toMatch(message);
        expect(error.message).not.toContain('secret-token');
      },
    );
  });

  it.each([
    [
      'NaN',
      { namespace: 'a' },
      /cpu query answered not a finite number: 'NaN' for namespace a$/,
    ],
    [
      '+Inf',
      { namespace: 'a' },
      /cpu query answered not a finite number: '\+Inf' for namespace a$/,
    ],
    [
      '-1',
      { namespace: 'a' },
      /cpu query answered a negative quantity for namespace a$/,
    ],
    ['1', {}, /cpu query answered a series without a namespace label$/],
  ])('throws on the value %s', async (value, metric, message) => {
    await withServer(
      complete(form =>
        form.get('query')!.includes('container_cpu_usage_seconds_total')
          ? { body: vector([sample(metric, value)]) }
          : { body: vector([]) },
      ),
      async baseUrl => {
        await expect(source(baseUrl).getUsage(W, {})).rejects.toThrow(message);
      },
    );
  });

  it('throws when the data is not complete, even if the usage queries answer', async () => {
    await withServer(
      form => {
        const query = form.get('query')!;
        if (query.startsWith('count_over_time(count(')) {
          return { body: vector([sample({}, '59')]) };
        }
        return { body: vector([sample({ namespace: 'a' }, '1')]) };
      },
      async baseUrl => {
        await expect(source(baseUrl).getUsage(W, {})).rejects.toThrow(
          new PrometheusDataNotAvailableError(
            `kube-state-metrics series (kube_namespace_created) are visible at 59 of the 60 minutes of ${W.start.toISOString()}/${W.end.toISOString()}`,
          ),
        );
      },
    );
    await withServer(
      form =>
        form.get('query')!.startsWith('count_over_time(count(')
          ? { body: vector([sample({}, '60')]) }
          : { body: vector([]) },
      async baseUrl => {
        await expect(source(baseUrl).getUsage(W, {})).rejects.toThrow(
          /no kube-state-metrics sample at or after the window end/,
        );
      },
    );
  });

  it('throws when Prometheus is not reachable', async () => {
    const port = await new Promise<number>(resolve => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    await expect(
      source(`http://127.0.0.1:${port}`).getUsage(W, {}),
    ).rejects.toThrow(
      new RegExp(
        `^Prometheus: request to http://127.0.0.1:${port}/api/v1/query failed: fetch failed \\(.*ECONNREFUSED`,
      ),
    );
  });

  it('gives up after the timeout', async () => {
    await withServer(
      () => 'hang',
      async baseUrl => {
        const started = Date.now();
        await expect(
          source(baseUrl, { timeoutMs: 200 }).getUsage(W, {}),
        ).rejects.toThrow(
          /^Prometheus: http:\/\/127\.0\.0\.1:\d+\/prefix\/api\/v1\/query did not answer the \S+ query within 200 ms$/,
        );
        expect(Date.now() - started).toBeLessThan(2_000);
      },
    );
  });

  it("stops when the caller's signal aborts", async () => {
    await withServer(
      () => 'hang',
      async (baseUrl, requests) => {
        const controller = new AbortController();
        const usage = source(baseUrl).getUsage(W, {
          signal: controller.signal,
        });
        while (requests.length < 5) await new Promise(r => setTimeout(r, 5));
        controller.abort(new Error('shutting down'));
        await expect(usage).rejects.toThrow('shutting down');
        // An aborted signal stops before asking.
        await expect(
          source(baseUrl).getUsage(W, { signal: AbortSignal.abort() }),
        ).rejects.toThrow(/aborted/);
        expect(requests).toHaveLength(5);
      },
    );
  });

  it('refuses windows it cannot sample exactly', async () => {
    const usage = (start: number, stop: number) =>
      source('http://127.0.0.1:1').getUsage(
        { start: new Date(start), end: new Date(stop) },
        {},
      );
    await expect(usage(end - HOUR_MS + 1000, end)).rejects.toThrow(
      'window bounds must be whole minutes',
    );
    await expect(usage(end, end)).rejects.toThrow(/is not before its end/);
    await expect(usage(NaN, end)).rejects.toThrow(/valid dates/);
  });
});
