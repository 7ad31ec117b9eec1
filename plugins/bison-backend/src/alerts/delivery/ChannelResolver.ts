import { AlertChannelType } from '@bison/plugin-bison-node';
import { SecretBox } from '../secrets/SecretBox';
import { ChannelStore } from '../store/ChannelStore';
import { NOTIFICATIONS_CHANNEL } from '../store/OutboxStore';
import { ChannelTypeRegistry } from './ChannelTypeRegistry';

export interface ResolvedChannel {
  type: AlertChannelType<any, any>;
  settings: unknown;
  secrets: unknown;
}

/** Opens a channel for sending: its type, settings and decrypted secrets. */
export class ChannelResolver {
  constructor(
    private readonly channels: ChannelStore,
    private readonly types: ChannelTypeRegistry,
    private readonly notifications: AlertChannelType<any, any>,
    private readonly secretBox?: SecretBox,
  ) {}

  /** The channel, or why it cannot be sent to (deleted, disabled, ...). */
  async resolve(
    channelId: string,
  ): Promise<ResolvedChannel | { problem: string }> {
    if (channelId === NOTIFICATIONS_CHANNEL) {
      return { type: this.notifications, settings: {}, secrets: {} };
    }
    const channel = await this.channels.get(channelId);
    if (!channel) return { problem: 'The channel was deleted' };
    if (!channel.enabled) return { problem: 'The channel is disabled' };
    const type = this.types.get(channel.type);
    if (!type) {
      return { problem: `No channel type '${channel.type}' is installed` };
    }
    let secrets: unknown = {};
    if (channel.sealedSecrets) {
      if (!this.secretBox) {
        return { problem: 'bison.alerts.secretKey is not configured' };
      }
      try {
        secrets = JSON.parse(this.secretBox.open(channel.sealedSecrets));
      } catch (error) {
        return {
          problem: `Cannot open the channel's secrets: ${
            (error as Error).message
          }`,
        };
      }
    }
    return { type, settings: channel.settings, secrets };
  }
}
