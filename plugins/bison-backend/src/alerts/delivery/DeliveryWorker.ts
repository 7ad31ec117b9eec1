import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { OutboundPolicy } from '../outbound';
import {
  AttemptOutcome,
  ClaimedDelivery,
  OutboxStore,
} from '../store/OutboxStore';
import { BackoffPolicy, DEFAULT_BACKOFF, nextAttemptAt } from './backoff';
import { ChannelResolver } from './ChannelResolver';
import { sendNotice } from './sendNotice';

export interface DeliverySummary {
  attempted: number;
  delivered: number;
  retried: number;
  failed: number;
}

export interface DeliveryWorkerOptions {
  outbox: OutboxStore;
  resolver: ChannelResolver;
  outbound: OutboundPolicy;
  logger: LoggerService;
  backoff?: BackoffPolicy;
  /** How long one attempt may hold a delivery before others may retry it. */
  leaseMillis?: number;
  /** Deliveries claimed at once, and sent in parallel. */
  batchSize?: number;
  /** Per attempt. */
  timeoutMillis?: number;
  clock?: () => Date;
  random?: () => number;
}

/**
 * Sends due deliveries of the outbox. Each attempt first leases its row
 * (one process per delivery at a time; a lease left by a dead process runs
 * out and the delivery is attempted again), then records the outcome:
 * delivered, pending with the next attempt's time, or failed.
 */
export class DeliveryWorker {
  private readonly owner = `bison-${randomUUID()}`;
  private readonly clock: () => Date;
  private running?: Promise<DeliverySummary>;
  private again = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Sends everything due now, batch after batch. */
  async deliverDue(signal?: AbortSignal): Promise<DeliverySummary> {
    const summary = { attempted: 0, delivered: 0, retried: 0, failed: 0 };
    const { outbox, batchSize = 16, leaseMillis = 120_000 } = this.options;
    while (!signal?.aborted) {
      const claimed = await outbox.claimDue(
        this.owner,
        this.clock(),
        leaseMillis,
        batchSize,
      );
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map(d => this.attempt(d)));
      for (const outcome of outcomes) {
        summary.attempted += 1;
        if (outcome.status === 'delivered') summary.delivered += 1;
        else if (outcome.status === 'pending') summary.retried += 1;
        else summary.failed += 1;
      }
    }
    return summary;
  }

  /**
   * Delivers soon, once: a call while a pass runs makes it run once more,
   * so a message stored meanwhile is not left to the next timer.
   */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .catch(error => {
        this.options.logger.warn(`Alert delivery pass failed: ${error}`);
        return { attempted: 0, delivered: 0, retried: 0, failed: 0 };
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Delivers every `intervalMillis` (retries fall due between evaluations). */
  start(intervalMillis: number): void {
    this.stop();
    this.timer = setInterval(() => this.kick(), intervalMillis);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const outcome = await this.send(delivery);
    const recorded = await this.options.outbox.finish(
      delivery.id,
      this.owner,
      outcome,
      this.clock(),
    );
    if (recorded && outcome.status !== 'delivered') {
      this.options.logger.warn(
        `Alert delivery ${delivery.id} to channel ${delivery.channelId} ${
          outcome.status === 'failed' ? 'failed' : 'will be retried'
        } (attempt ${delivery.attempts}): ${outcome.error}`,
      );
    }
    return outcome;
  }

  private async send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const channel = await this.options.resolver.resolve(delivery.channelId);
    if ('problem' in channel) {
      return { status: 'failed', error: channel.problem };
    }
    const result = await sendNotice(channel, delivery.notice, {
      outbound: this.options.outbound,
      timeoutMillis: this.options.timeoutMillis ?? 15_000,
    });
    if (result.ok) return { status: 'delivered', responseCode: result.status };
    const { error } = result;
    const next = error.retryable
      ? nextAttemptAt({
          attempts: delivery.attempts,
          now: this.clock(),
          retryUntil: delivery.retryUntil,
          policy: this.options.backoff ?? DEFAULT_BACKOFF,
          retryAfterSeconds: error.retryAfterSeconds,
          random: this.options.random,
        })
      : null;
    return {
      status: next ? 'pending' : 'failed',
      responseCode: error.status,
      error: error.message,
      ...(next ? { nextAttemptAt: next } : {}),
    };
  }
}
