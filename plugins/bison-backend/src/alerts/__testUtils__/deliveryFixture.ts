import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { LookupFunction } from 'node:net';
import { builtInChannelTypes } from '../channels';
import { ChannelService } from '../ChannelService';
import { ChannelResolver } from '../delivery/ChannelResolver';
import { ChannelTypeRegistry } from '../delivery/ChannelTypeRegistry';
import {
  DeliveryWorker,
  DeliveryWorkerOptions,
} from '../delivery/DeliveryWorker';
import { notificationsChannel } from '../notifications/notificationsChannel';
import { OutboundPolicy, parseAllowedHosts } from '../outbound';
import { SecretBox } from '../secrets/SecretBox';
import { createAlertFixture } from './alertFixture';

export const TEST_SECRET_KEY = 'test-only-alerts-key-0123456789abcdef';
export const SIGNING_SECRET = `whsec_${Buffer.from(
  'a signing key of thirty-two bytes',
).toString('base64')}`;

/**
 * The delivery side over an alert fixture: the built-in channel types,
 * sealed secrets, the channel service and workers sharing one clock. The
 * Backstage notifications sent are recorded in `notified`.
 */
export function createDeliveryStack(
  fixture: Awaited<ReturnType<typeof createAlertFixture>>,
  options: { allowedHosts?: string[]; lookup?: LookupFunction } = {},
) {
  const types = new ChannelTypeRegistry();
  builtInChannelTypes().forEach(type => types.addChannelType(type));
  const notified: NotificationSendOptions[] = [];
  const notifications: NotificationService = {
    send: async sent => {
      notified.push(sent);
    },
  };
  const secretBox = new SecretBox(TEST_SECRET_KEY);
  const outbound: OutboundPolicy = {
    allowedHosts: parseAllowedHosts(options.allowedHosts ?? ['127.0.0.1']),
    lookup: options.lookup,
  };
  const resolver = new ChannelResolver(
    fixture.channels,
    types,
    notificationsChannel(notifications, ['group:default/platform-admins']),
    secretBox,
  );
  const service = new ChannelService(
    fixture.channels,
    types,
    resolver,
    outbound,
    secretBox,
    fixture.now,
  );
  const newWorker = (overrides: Partial<DeliveryWorkerOptions> = {}) =>
    new DeliveryWorker({
      outbox: fixture.outbox,
      resolver,
      outbound,
      logger: fixture.logger,
      clock: fixture.now,
      random: () => 0.5,
      timeoutMillis: 5_000,
      ...overrides,
    });
  return { types, service, resolver, outbound, newWorker, notified };
}
