import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AlertChannelType } from '@bison/plugin-bison-node';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseWithSchema, requireText } from '../router/fieldErrors';
import { ChannelResolver } from './delivery/ChannelResolver';
import { ChannelTypeRegistry } from './delivery/ChannelTypeRegistry';
import { sendNotice } from './delivery/sendNotice';
import {
  checkDestination,
  OutboundPolicy,
  OutboundRefusedError,
} from './outbound';
import { SecretBox } from './secrets/SecretBox';
import { ChannelStore, StoredChannel } from './store/ChannelStore';
import { noticeId } from './wording/wordNotice';

export interface ChannelInput {
  name?: string;
  type?: string;
  settings?: unknown;
  secrets?: unknown;
  enabled?: boolean;
}

export interface TestResult {
  delivered: boolean;
  responseCode?: number;
  error?: string;
}

const asObject = (field: string, value: unknown) =>
  parseWithSchema(field, z.record(z.string(), z.unknown()), value ?? {});

/** Which field of the input holds a destination, to name it in a 400. */
function fieldOf(
  destination: string,
  settings: Record<string, unknown>,
  secrets: Record<string, unknown>,
): string {
  const host = destination.replace(/^\w+:\/\//, '').split(/[:/]/)[0];
  for (const [group, values] of [
    ['secrets', secrets],
    ['settings', settings],
  ] as const) {
    for (const [key, value] of Object.entries(values)) {
      if (value === destination || value === host) return `${group}.${key}`;
    }
  }
  return 'secrets';
}

/**
 * Creates, changes, deletes and tests alert channels: validates settings
 * and secrets with the channel type's schemas, checks every destination
 * against the outbound rules, and seals secrets before they are stored.
 * Authorisation is the router's.
 */
export class ChannelService {
  constructor(
    private readonly store: ChannelStore,
    private readonly types: ChannelTypeRegistry,
    private readonly resolver: ChannelResolver,
    private readonly outbound: OutboundPolicy,
    private readonly secretBox: SecretBox | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(id: string): Promise<StoredChannel> {
    const channel = await this.store.get(id);
    if (!channel) throw new NotFoundError(`No alert channel ${id}`);
    return channel;
  }

  async create(
    teamId: string | null,
    input: ChannelInput,
    actor: string,
  ): Promise<StoredChannel> {
    const type = this.typeOf(input.type);
    const name = this.nameOf(input.name);
    const settings = this.parseSettings(type, input.settings);
    const secrets = parseWithSchema(
      'secrets',
      type.secretsSchema,
      asObject('secrets', input.secrets),
    ) as Record<string, unknown>;
    await this.checkDestinations(type, settings, secrets);
    return this.store.create(
      {
        teamId,
        type: type.type,
        name,
        settings,
        sealedSecrets: this.seal(secrets),
        enabled: input.enabled ?? true,
      },
      actor,
      this.clock(),
    );
  }

  /** Given secret fields replace the stored ones; without secrets they are kept. */
  async update(
    id: string,
    input: Omit<ChannelInput, 'type'>,
    actor: string,
  ): Promise<StoredChannel> {
    const channel = await this.get(id);
    const type = this.typeOf(channel.type);
    const settings =
      input.settings === undefined
        ? channel.settings
        : this.parseSettings(type, input.settings);
    const stored = await this.storedSecrets(channel);
    const secrets =
      input.secrets === undefined
        ? stored
        : (parseWithSchema('secrets', type.secretsSchema, {
            ...stored,
            ...asObject('secrets', input.secrets),
          }) as Record<string, unknown>);
    await this.checkDestinations(type, settings, secrets);
    return this.store.update(
      id,
      channel.version,
      {
        ...(input.name !== undefined ? { name: this.nameOf(input.name) } : {}),
        ...(input.settings !== undefined ? { settings } : {}),
        ...(input.secrets !== undefined
          ? { sealedSecrets: this.seal(secrets) }
          : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
      actor,
      this.clock(),
    );
  }

  async delete(id: string, actor: string): Promise<void> {
    await this.store.delete(id, actor, this.clock());
  }

  /** Sends a test message now, outside the outbox, and says how it went. */
  async test(id: string, teamName: string | null): Promise<TestResult> {
    const channel = await this.get(id);
    const resolved = await this.resolver.resolve(channel.id);
    if ('problem' in resolved) {
      return { delivered: false, error: resolved.problem };
    }
    const now = this.clock();
    const result = await sendNotice(
      resolved,
      {
        id: noticeId(`test/${channel.id}/${randomUUID()}`),
        status: 'event',
        rule: { id: 'test', kind: 'test' },
        severity: 'info',
        team: null,
        subject: teamName ?? 'installation',
        title: `Test message from Bison to ${channel.name}`,
        summary: 'This channel receives Bison alerts.',
        facts: [{ label: 'Sent at', value: now.toISOString() }],
        occurredAt: now.toISOString(),
        test: true,
      },
      { outbound: this.outbound, timeoutMillis: 15_000 },
    );
    return result.ok
      ? { delivered: true, responseCode: result.status }
      : {
          delivered: false,
          responseCode: result.error.status,
          error: result.error.message,
        };
  }

  private typeOf(type: string | undefined): AlertChannelType<any, any> {
    const found = type ? this.types.get(type) : undefined;
    if (!found) {
      throw new InputError(
        `'type' must be one of ${this.types
          .list()
          .map(t => `'${t.type}'`)
          .join(', ')}`,
      );
    }
    return found;
  }

  private nameOf(name: string | undefined): string {
    const text = requireText('name', name);
    if (text.length > 100) {
      throw new InputError(`'name' must be at most 100 characters`);
    }
    return text;
  }

  private parseSettings(type: AlertChannelType<any, any>, input: unknown) {
    return parseWithSchema(
      'settings',
      type.settingsSchema,
      asObject('settings', input),
    ) as Record<string, unknown>;
  }

  private async checkDestinations(
    type: AlertChannelType<any, any>,
    settings: Record<string, unknown>,
    secrets: Record<string, unknown>,
  ): Promise<void> {
    for (const destination of type.destinations(settings, secrets)) {
      try {
        await checkDestination(destination, this.outbound);
      } catch (error) {
        if (error instanceof OutboundRefusedError) {
          throw new InputError(
            `'${fieldOf(destination, settings, secrets)}' is refused: ${
              error.message
            }`,
          );
        }
        throw error;
      }
    }
  }

  private seal(secrets: Record<string, unknown>): string | null {
    if (Object.keys(secrets).length === 0) return null;
    if (!this.secretBox) {
      throw new ServiceUnavailableError(
        'Channel secrets cannot be stored: bison.alerts.secretKey is not configured',
      );
    }
    return this.secretBox.seal(JSON.stringify(secrets));
  }

  private async storedSecrets(
    channel: StoredChannel,
  ): Promise<Record<string, unknown>> {
    if (!channel.sealedSecrets || !this.secretBox) return {};
    return JSON.parse(this.secretBox.open(channel.sealedSecrets));
  }
}
