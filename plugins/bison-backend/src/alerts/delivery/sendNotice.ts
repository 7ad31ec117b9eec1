import { AlertDeliveryError, AlertNotice } from '@bison/plugin-bison-node';
import {
  createGuardedHttp,
  OutboundPolicy,
  OutboundRefusedError,
  parseDestination,
  resolveAllowedAddress,
} from '../outbound';
import { ResolvedChannel } from './ChannelResolver';

export type SendResult =
  | { ok: true; status?: number }
  | { ok: false; error: AlertDeliveryError };

function asDeliveryError(error: unknown): AlertDeliveryError {
  if (error instanceof AlertDeliveryError) return error;
  if (error instanceof OutboundRefusedError) {
    return new AlertDeliveryError(error.message, { retryable: false });
  }
  return new AlertDeliveryError(
    error instanceof Error ? error.message : String(error),
    { retryable: true },
  );
}

/**
 * Sends one notice through a channel with guarded outbound connections and
 * a time limit; failures come back as values, never thrown.
 */
export async function sendNotice(
  channel: ResolvedChannel,
  notice: AlertNotice,
  options: { outbound: OutboundPolicy; timeoutMillis: number },
): Promise<SendResult> {
  const { outbound, timeoutMillis } = options;
  const signal = AbortSignal.timeout(timeoutMillis);
  try {
    // The rules may have changed since the channel was saved.
    for (const destination of channel.type.destinations(
      channel.settings,
      channel.secrets,
    )) {
      parseDestination(destination, outbound);
    }
    const receipt = await channel.type.send(notice, {
      settings: channel.settings,
      secrets: channel.secrets,
      http: createGuardedHttp(outbound, { signal, timeoutMs: timeoutMillis }),
      resolveHost: host =>
        resolveAllowedAddress(host, outbound).catch((error: unknown) => {
          throw asDeliveryError(error);
        }),
      signal,
    });
    return { ok: true, status: receipt.status };
  } catch (error) {
    return { ok: false, error: asDeliveryError(error) };
  }
}
