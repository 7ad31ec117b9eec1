import { AlertDeliveryError } from '@bison/plugin-bison-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  checkDestination,
  createGuardedHttp,
  OutboundPolicy,
  OutboundRefusedError,
  parseAllowedHosts,
  resolveAllowedAddress,
} from '.';
import { resolvingTo } from './__testUtils__/resolvingTo';

const FORBIDDEN = [
  '127.0.0.1',
  '10.1.2.3',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '::1',
  'fe80::1',
  'fd00::1',
  'ff02::1',
  '::ffff:127.0.0.1',
];

const strict: OutboundPolicy = { allowedHosts: parseAllowedHosts([]) };
const literal = (address: string) =>
  address.includes(':') ? `[${address}]` : address;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('parseAllowedHosts', () => {
  it('takes names, wildcards, addresses and ranges', () => {
    const allowed = parseAllowedHosts([
      'receiver.internal',
      '*.corp.example',
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect([...allowed.names]).toEqual(['receiver.internal']);
    expect(allowed.suffixes).toEqual(['.corp.example']);
    expect(allowed.addressList).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('names the entry it cannot read', () => {
    expect(() => parseAllowedHosts(['ok.example', 'http://x/'])).toThrow(
      "bison.alerts.allowedHosts[1] 'http://x/'",
    );
    expect(() => parseAllowedHosts(['10.0.0.0/40'])).toThrow(
      'not a valid CIDR range',
    );
  });
});

describe('checkDestination', () => {
  it.each(FORBIDDEN)('refuses the literal %s', async address => {
    const error = await refusal(
      checkDestination(`https://${literal(address)}/hook?token=s3cret`, strict),
    );
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('/hook');
  });

  it.each(FORBIDDEN)('refuses a name resolving to %s', async address => {
    const error = await refusal(
      checkDestination('https://hooks.example.com/services/T/B/s3cret', {
        ...strict,
        lookup: resolvingTo(address),
      }),
    );
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(error.message).toContain('https://hooks.example.com: resolves to');
    expect(error.message).not.toContain('s3cret');
  });

  it('accepts a public https destination', async () => {
    await expect(
      checkDestination('https://hooks.example.com/x', {
        ...strict,
        lookup: resolvingTo('93.184.215.14'),
      }),
    ).resolves.toBeUndefined();
    await expect(
      checkDestination('https://[2606:4700::1111]/x', strict),
    ).resolves.toBeUndefined();
  });

  it('allows http and private addresses only for allow-listed hosts', async () => {
    const policy: OutboundPolicy = {
      allowedHosts: parseAllowedHosts(['receiver.internal', '127.0.0.1']),
      lookup: resolvingTo('10.0.0.7'),
    };
    await expect(
      checkDestination('http://receiver.internal:8080/in', policy),
    ).resolves.toBeUndefined();
    await expect(
      checkDestination('http://127.0.0.1:9000/in', policy),
    ).resolves.toBeUndefined();
    expect(
      (await refusal(checkDestination('http://hooks.example.com/in', policy)))
        .message,
    ).toContain('only https is allowed');
    expect(
      (await refusal(checkDestination('ftp://hooks.example.com/in', policy)))
        .message,
    ).toContain('only https is allowed');
    expect(
      (await refusal(checkDestination('not a url', policy))).message,
    ).toContain('not a valid URL');
  });

  it('gives SMTP one permitted address and refuses forbidden ones', async () => {
    await expect(
      resolveAllowedAddress('smtp.example.com', {
        ...strict,
        lookup: resolvingTo('198.51.99.10'),
      }),
    ).resolves.toBe('198.51.99.10');
    await expect(
      resolveAllowedAddress('smtp.example.com', {
        ...strict,
        lookup: resolvingTo('192.168.0.25'),
      }),
    ).rejects.toThrow('resolves to 192.168.0.25 is a private address');
    await expect(resolveAllowedAddress('::1', strict)).rejects.toThrow(
      'loopback',
    );
    await expect(
      resolveAllowedAddress('127.0.0.1', {
        allowedHosts: parseAllowedHosts(['127.0.0.0/8']),
      }),
    ).resolves.toBe('127.0.0.1');
  });
});

describe('createGuardedHttp', () => {
  let server: http.Server;
  let port: number;
  let requests: string[];
  let answer: (response: http.ServerResponse) => void;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      request.resume();
      request.on('end', () => answer(response));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    requests = [];
    answer = response => response.end('fine');
  });

  const loopback: OutboundPolicy = {
    allowedHosts: parseAllowedHosts(['127.0.0.1']),
  };
  const post = (policy: OutboundPolicy, url: string, timeoutMs = 2000) =>
    createGuardedHttp(policy, {
      signal: AbortSignal.timeout(5000),
      timeoutMs,
      maxResponseBytes: 16,
    }).post(url, '{"a":1}');

  it('posts to an allow-listed receiver and returns its answer, cut at the size limit', async () => {
    answer = response => {
      response.setHeader('retry-after', '7');
      response.end('x'.repeat(100));
    };
    const response = await post(loopback, `http://127.0.0.1:${port}/in`);
    expect(response).toMatchObject({ status: 200, body: 'x'.repeat(16) });
    expect(response.headers['retry-after']).toBe('7');
    expect(requests).toEqual(['POST /in']);
  });

  it('refuses forbidden addresses before connecting, literal or resolved', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/in`,
      `https://127.0.0.1:${port}/in`,
      `https://[::1]:${port}/in`,
    ]) {
      const error = (await refusal(post(strict, url))) as AlertDeliveryError;
      expect(error).toBeInstanceOf(AlertDeliveryError);
      expect(error.retryable).toBe(false);
    }
    const rebinding = resolvingTo('127.0.0.1');
    const error = (await refusal(
      post(
        { ...strict, lookup: rebinding },
        `https://hooks.example.com:${port}/in`,
      ),
    )) as AlertDeliveryError;
    expect(error.message).toBe(
      `refused: https://hooks.example.com:${port}: resolves to 127.0.0.1 is a loopback address`,
    );
    expect(error.retryable).toBe(false);
    expect(requests).toEqual([]);
  });

  it('checks the address connected to, not the one seen when the channel was saved', async () => {
    const policy = {
      ...strict,
      lookup: resolvingTo('93.184.215.14', '127.0.0.1'),
    };
    const url = `https://hooks.example.com:${port}/in`;
    await expect(checkDestination(url, policy)).resolves.toBeUndefined();
    const error = (await refusal(post(policy, url))) as AlertDeliveryError;
    expect(error.message).toContain('loopback');
    expect(requests).toEqual([]);
  });

  it('does not follow redirects', async () => {
    answer = response => {
      response.statusCode = 302;
      response.setHeader('location', `http://127.0.0.1:${port}/elsewhere`);
      response.end();
    };
    const error = (await refusal(
      post(loopback, `http://127.0.0.1:${port}/in`),
    )) as AlertDeliveryError;
    expect(error).toMatchObject({ status: 302, retryable: false });
    expect(requests).toEqual(['POST /in']);
  });

  it('gives up on a receiver that does not answer, as retryable', async () => {
    answer = () => undefined;
    const error = (await refusal(
      post(loopback, `http://127.0.0.1:${port}/slow`, 200),
    )) as AlertDeliveryError;
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('did not answer within 200 ms');
  });

  it('reports an unreachable receiver as retryable', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const error = (await refusal(
      post(loopback, `http://127.0.0.1:${closedPort}/in`),
    )) as AlertDeliveryError;
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
  });
});
