import {
  AlertChannelHttp,
  AlertDeliveryError,
  AlertHttpResponse,
} from '@bison/plugin-bison-node';
import http from 'node:http';
import https from 'node:https';
import {
  RequestFilteringHttpAgent,
  RequestFilteringHttpsAgent,
} from 'request-filtering-agent';
import { isHostAllowed } from './allowedHosts';
import { hostOf, OutboundPolicy, parseDestination } from './checkDestination';
import { forbiddenAddressReason } from './forbiddenAddress';
import {
  describeDestination,
  OutboundRefusedError,
} from './OutboundRefusedError';

export interface GuardedHttpOptions {
  signal: AbortSignal;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/**
 * HTTP for alert channels. The filtering agent checks every address the
 * socket connects to (after DNS, so rebinding cannot slip through);
 * redirects are answers, never followed; the answer is cut at a size.
 */
export function createGuardedHttp(
  policy: OutboundPolicy,
  options: GuardedHttpOptions,
): AlertChannelHttp {
  const { signal, timeoutMs = 15_000, maxResponseBytes = 65_536 } = options;
  return {
    async post(text, body, postOptions) {
      let url: URL;
      try {
        url = parseDestination(text, policy);
      } catch (error) {
        throw refused(error as OutboundRefusedError);
      }
      const where = describeDestination(url);
      const secure = url.protocol === 'https:';
      const filter = {
        allowPrivateIPAddress: isHostAllowed(hostOf(url), policy.allowedHosts),
        allowIPAddressList: [...policy.allowedHosts.addressList],
        keepAlive: false,
      };
      const agent = secure
        ? new RequestFilteringHttpsAgent(filter)
        : new RequestFilteringHttpAgent(filter);
      try {
        return await new Promise<AlertHttpResponse>((resolve, reject) => {
          const request = (secure ? https : http).request(
            url,
            {
              method: 'POST',
              agent,
              lookup: policy.lookup,
              signal,
              timeout: timeoutMs,
              headers: {
                'content-type': 'application/json',
                ...postOptions?.headers,
                'content-length': Buffer.byteLength(body),
              },
            },
            response => {
              const status = response.statusCode ?? 0;
              if (status >= 300 && status < 400) {
                response.destroy();
                reject(
                  new AlertDeliveryError(
                    `${where} answered ${status}, a redirect, which is not followed`,
                    { status, retryable: false },
                  ),
                );
                return;
              }
              readCapped(response, maxResponseBytes).then(
                answer =>
                  resolve({
                    status,
                    body: answer,
                    headers: flatHeaders(response.headers),
                  }),
                error => reject(networkError(where, error)),
              );
            },
          );
          request.on('timeout', () =>
            request.destroy(
              new AlertDeliveryError(
                `${where} did not answer within ${timeoutMs} ms`,
                { retryable: true },
              ),
            ),
          );
          request.on('error', error => reject(networkError(where, error)));
          request.end(body);
        });
      } finally {
        agent.destroy();
      }
    },
  };
}

function readCapped(
  response: http.IncomingMessage,
  maxBytes: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, maxBytes - size));
      size += Math.min(chunk.length, maxBytes - size);
      if (size >= maxBytes) {
        response.destroy();
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

function flatHeaders(
  headers: http.IncomingHttpHeaders,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
}

function refused(error: OutboundRefusedError): AlertDeliveryError {
  return new AlertDeliveryError(`refused: ${error.message}`, {
    retryable: false,
  });
}

const AGENT_REFUSAL = /^DNS lookup ([^(]+)\(.*is not allowed/;

function networkError(where: string, error: unknown): AlertDeliveryError {
  if (error instanceof AlertDeliveryError) return error;
  const failure = error as NodeJS.ErrnoException;
  const refusal = AGENT_REFUSAL.exec(failure.message ?? '');
  if (refusal) {
    const reason =
      forbiddenAddressReason(refusal[1]) ?? `${refusal[1]} is not allowed`;
    return refused(new OutboundRefusedError(`${where}: resolves to ${reason}`));
  }
  if (failure.name === 'AbortError') {
    return new AlertDeliveryError(
      `${where}: the send was cut off by its time limit`,
      {
        retryable: true,
      },
    );
  }
  return new AlertDeliveryError(
    `${where} could not be reached (${failure.code ?? failure.message})`,
    { retryable: true, cause: error },
  );
}
