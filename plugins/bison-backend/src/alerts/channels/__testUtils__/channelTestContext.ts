import { AlertChannelContext, AlertNotice } from '@bison/plugin-bison-node';
import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  createGuardedHttp,
  OutboundPolicy,
  parseAllowedHosts,
  resolveAllowedAddress,
} from '../../outbound';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/hook?access_token=t`. */
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body as UTF-8 text. */
  body: string;
}

export interface ReceiverAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface Receiver {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Sets the answer to every following request. */
  answer(status: number, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server that records every request and answers with the
 * configured answer, or with what `handler` returns for a request.
 */
export async function startReceiver(
  handler?: (request: RecordedRequest) => ReceiverAnswer | undefined,
): Promise<Receiver> {
  const requests: RecordedRequest[] = [];
  let configured: ReceiverAnswer = { status: 200, body: '' };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        rawBody,
        body: rawBody.toString('utf8'),
      };
      requests.push(recorded);
      const answer = handler?.(recorded) ?? configured;
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(status, body, headers) {
      configured = { status, body, headers };
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}

export const testPolicy: OutboundPolicy = {
  allowedHosts: parseAllowedHosts(['127.0.0.1']),
};

/** A send context whose HTTP and host checks allow only 127.0.0.1. */
export function channelContext<Settings, Secrets>(
  settings: Settings,
  secrets: Secrets,
): AlertChannelContext<Settings, Secrets> {
  const signal = new AbortController().signal;
  return {
    settings,
    secrets,
    http: createGuardedHttp(testPolicy, { signal, timeoutMs: 5000 }),
    resolveHost: host => resolveAllowedAddress(host, testPolicy),
    signal,
  };
}

export function sampleNotice(
  overrides: Partial<AlertNotice> = {},
): AlertNotice {
  return {
    id: 'msg_0123456789abcdef0123456789abcdef',
    status: 'firing',
    rule: { id: 'low-balance', kind: 'low-balance' },
    severity: 'critical',
    team: {
      name: 'ml-team',
      displayName: 'ML Team',
      groupRef: 'group:default/ml-team',
      email: 'ml-team@example.com',
    },
    subject: 'ml-team',
    title: 'ML Team: balance below 100.00 USD',
    summary: 'ML Team: balance below 100.00 USD. Recharge soon <now> & often.',
    facts: [
      { label: 'Balance', value: '42.10 USD' },
      { label: 'State', value: 'active' },
    ],
    link: 'https://backstage.example.com/bison/teams/ml-team',
    occurredAt: '2026-12-02T10:00:00.000Z',
    ...overrides,
  };
}

/** The paths of the issues a schema finds, e.g. `[['url']]`; [] when valid. */
export function issuePaths(
  schema: {
    safeParse(input: unknown): {
      error?: { issues: Array<{ path: PropertyKey[] }> };
    };
  },
  input: unknown,
): PropertyKey[][] {
  return schema.safeParse(input).error?.issues.map(issue => issue.path) ?? [];
}
