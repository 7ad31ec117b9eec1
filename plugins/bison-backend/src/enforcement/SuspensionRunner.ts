import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { TeamStore } from '../tenancy/TeamStore';
import { EnforcementStore, Suspension } from './EnforcementStore';
import { SuspensionLadder } from './ladder/SuspensionLadder';

/** How long one process may run a suspension's ladder before another may. */
const DEFAULT_LEASE_MS = 5 * 60_000;
const RETRY_MS = 5_000;

/**
 * Drives suspensions to their end: runs the ladder of each one that is
 * suspending or resuming. A lease on the suspension keeps replicas from
 * running one ladder at once; a run that dies leaves its lease to expire and
 * its recorded actions for the next run to complete.
 */
export class SuspensionRunner {
  private readonly owner = randomUUID();
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly store: EnforcementStore,
    private readonly teams: TeamStore,
    /** Undefined for a ledger-only installation. */
    private readonly ladder: SuspensionLadder | undefined,
    private readonly logger: LoggerService,
    private readonly options: {
      clock?: () => Date;
      leaseMs?: number;
      /** Called when a suspension is fully applied or fully undone. */
      onFinished?: (teamId: string) => void;
    } = {},
  ) {}

  private clock() {
    return this.options.clock?.() ?? new Date();
  }

  /**
   * Runs the unfinished suspensions soon, in the background. Runs of one
   * process never overlap: a call made while one is going starts one more
   * after it.
   */
  kick(signal?: AbortSignal): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runEach(signal).catch(error =>
          this.logger.error(`Suspension ladder run failed: ${error}`),
        );
      } while (this.again && !signal?.aborted);
      this.running = undefined;
    })();
  }

  /** Waits until no run of this process is going. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Runs every suspension that is suspending or resuming, and waits for it. */
  async runUnfinished(signal?: AbortSignal): Promise<void> {
    this.kick(signal);
    await this.settled();
  }

  private async runEach(signal?: AbortSignal) {
    for (const suspension of await this.store.unfinishedSuspensions()) {
      if (signal?.aborted) return;
      await this.run(suspension);
    }
  }

  /** Runs one suspension's ladder if no other process is running it. */
  private async run(suspension: Suspension): Promise<void> {
    const now = this.clock();
    const claimed = await this.store.claim(
      suspension.id,
      this.owner,
      new Date(now.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS)),
      now,
    );
    if (!claimed) return;
    const from = suspension.status;
    let errors: string[] = [];
    try {
      if (suspension.cluster === 'enforce' && this.ladder) {
        const team = await this.teams.getTeamById(suspension.teamId);
        if (from === 'suspending') {
          errors = await this.ladder.suspend(
            suspension,
            team!.name,
            async () =>
              (await this.store.getSuspension(suspension.id))?.status !==
              'suspending',
          );
        } else if (from === 'resuming') {
          errors = await this.ladder.resume(suspension);
        }
      }
    } catch (error) {
      errors = [error instanceof Error ? error.message : String(error)];
    }
    if (errors.length > 0) {
      this.logger.warn(
        `Suspension ${suspension.id} of team ${suspension.teamId}: ${
          errors.length
        } action(s) failed, retried in ${RETRY_MS / 1000} s: ${errors[0]}`,
      );
      // Sooner than the scheduled pass: a webhook timing out under load
      // should not leave a team half-resumed for a minute.
      setTimeout(() => this.kick(), RETRY_MS).unref();
    }
    await this.store.finishRun(
      suspension.id,
      this.owner,
      errors.length > 0
        ? { from, to: from, error: errors.join('; ') }
        : { from, to: from === 'suspending' ? 'suspended' : 'resumed' },
      this.clock(),
    );
    if (errors.length === 0) this.options.onFinished?.(suspension.teamId);
  }
}
