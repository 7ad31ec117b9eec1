import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { TeamStore } from '../tenancy/TeamStore';
import { EnforcementStore, Suspension } from './EnforcementStore';
import { SuspensionLadder } from './ladder/SuspensionLadder';

/** How long one process may run a suspension's ladder before another may. */
const LEASE_MS = 5 * 60_000;

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
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Runs the unfinished suspensions soon, in the background; calls made
   * while a run is going start one more run after it.
   */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runUnfinished().catch(error =>
          this.logger.error(`Suspension ladder run failed: ${error}`),
        );
      } while (this.again);
      this.running = undefined;
    })();
  }

  /** Waits for a run started by kick (for routes that answer after it). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Runs every suspension that is suspending or resuming, oldest first. */
  async runUnfinished(signal?: AbortSignal): Promise<void> {
    for (const suspension of await this.store.unfinishedSuspensions()) {
      if (signal?.aborted) return;
      await this.run(suspension);
    }
  }

  /** Runs one suspension's ladder if no other process is running it. */
  async run(suspension: Suspension): Promise<void> {
    const now = this.clock();
    const claimed = await this.store.claim(
      suspension.id,
      this.owner,
      new Date(now.getTime() + LEASE_MS),
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
        `Suspension ${suspension.id} of team ${suspension.teamId}: ${errors.length} action(s) failed, retried on the next run: ${errors[0]}`,
      );
    }
    await this.store.finishRun(
      suspension.id,
      this.owner,
      errors.length > 0
        ? { from, to: from, error: errors.join('; ') }
        : { from, to: from === 'suspending' ? 'suspended' : 'resumed' },
      this.clock(),
    );
  }
}
