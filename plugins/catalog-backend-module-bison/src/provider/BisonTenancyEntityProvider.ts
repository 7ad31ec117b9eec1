import {
  AuthService,
  DiscoveryService,
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  RootLifecycleService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  BISON_TENANCY_LOCATION,
  BisonProject,
  BisonTeam,
  tenancyToEntities,
} from '../lib/entities';

/** Where the provider's schedule is read from. */
export const BISON_PROVIDER_SCHEDULE_CONFIG_KEY =
  'catalog.providers.bison.schedule';

/** The schedule when `catalog.providers.bison.schedule` is not set. */
export const DEFAULT_BISON_PROVIDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 5 },
    timeout: { minutes: 1 },
  };

const BISON_PLUGIN_ID = 'bison';

/** @public */
export interface BisonTenancyEntityProviderOptions {
  logger: LoggerService;
  discovery: DiscoveryService;
  auth: AuthService;
  /** Runs the refresh on the provider's schedule. */
  taskRunner: SchedulerServiceTaskRunner;
  /**
   * When given, the refresh task is scheduled only once this resolves, e.g.
   * when the whole backend (and so the Bison plugin in it) has started.
   */
  startAfter?: Promise<void>;
}

/**
 * Publishes Bison teams (Capsule tenants) and their project namespaces as
 * `Resource` entities, read from the Bison backend's `GET /teams` and
 * `GET /projects` with the catalog's own service credentials, and applied as
 * a full mutation on every scheduled refresh. When Bison cannot be read, the
 * entities of the last successful refresh stay as they are.
 *
 * @public
 */
export class BisonTenancyEntityProvider implements EntityProvider {
  private readonly logger: LoggerService;
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly taskRunner: SchedulerServiceTaskRunner;
  private readonly startAfter?: Promise<void>;
  private connection?: EntityProviderConnection;
  private lastSummary?: string;
  private lastProjects?: BisonProject[];
  private lastProjectsError?: string;

  /**
   * Creates the provider with the schedule of
   * `catalog.providers.bison.schedule` (default: every 5 minutes, 1 minute
   * timeout). With `rootLifecycle`, the first refresh waits for the backend
   * to have started.
   */
  static fromConfig(
    config: RootConfigService,
    deps: {
      logger: LoggerService;
      discovery: DiscoveryService;
      auth: AuthService;
      scheduler: SchedulerService;
      rootLifecycle?: RootLifecycleService;
    },
  ): BisonTenancyEntityProvider {
    const schedule = config.has(BISON_PROVIDER_SCHEDULE_CONFIG_KEY)
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig(BISON_PROVIDER_SCHEDULE_CONFIG_KEY),
        )
      : DEFAULT_BISON_PROVIDER_SCHEDULE;
    const rootLifecycle = deps.rootLifecycle;
    return new BisonTenancyEntityProvider({
      logger: deps.logger,
      discovery: deps.discovery,
      auth: deps.auth,
      taskRunner: deps.scheduler.createScheduledTaskRunner(schedule),
      startAfter: rootLifecycle
        ? new Promise<void>(resolve => rootLifecycle.addStartupHook(resolve))
        : undefined,
    });
  }

  constructor(options: BisonTenancyEntityProviderOptions) {
    this.logger = options.logger.child({ provider: 'bison-tenancy' });
    this.discovery = options.discovery;
    this.auth = options.auth;
    this.taskRunner = options.taskRunner;
    this.startAfter = options.startAfter;
  }

  getProviderName(): string {
    return 'bison-tenancy';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const schedule = () =>
      this.taskRunner.run({
        id: `${this.getProviderName()}:refresh`,
        fn: async signal => {
          await this.refresh({ signal });
        },
      });
    if (!this.startAfter) {
      await schedule();
      return;
    }
    // The catalog connects its providers while the backend is still starting;
    // waiting here would hold up that start, so schedule in the background.
    this.startAfter.then(schedule).catch(error => {
      this.logger.error('Could not schedule the Bison tenancy refresh', error);
    });
  }

  /**
   * Reads Bison's teams and projects and applies them as a full mutation.
   *
   * When the teams cannot be read, it logs a warning, applies nothing and
   * resolves to false: the catalog keeps the entities of the last refresh.
   * When only the projects cannot be read (e.g. a ledger-only Bison without
   * a Kubernetes cluster answers 503), the teams are applied with the
   * projects of the last successful read, none before the first one, so that
   * namespaces neither vanish nor block the teams.
   */
  async refresh(options: { signal?: AbortSignal } = {}): Promise<boolean> {
    const connection = this.connection;
    if (!connection) {
      throw new Error('BisonTenancyEntityProvider is not connected yet');
    }

    let teams: BisonTeam[];
    let projects: BisonProject[];
    try {
      const baseUrl = await this.discovery.getBaseUrl(BISON_PLUGIN_ID);
      const { token } = await this.auth.getPluginRequestToken({
        onBehalfOf: await this.auth.getOwnServiceCredentials(),
        targetPluginId: BISON_PLUGIN_ID,
      });
      const [teamsResult, projectsResult] = await Promise.allSettled([
        this.getItems(baseUrl, '/teams', token, options.signal, isTeam),
        this.getItems(baseUrl, '/projects', token, options.signal, isProject),
      ]);
      if (teamsResult.status === 'rejected') {
        throw teamsResult.reason;
      }
      teams = teamsResult.value;
      if (projectsResult.status === 'fulfilled') {
        projects = projectsResult.value;
        this.lastProjects = projects;
        this.lastProjectsError = undefined;
      } else {
        projects = this.lastProjects ?? [];
        this.warnProjectsUnreadable(projectsResult.reason);
      }
    } catch (error) {
      this.logger.warn(
        `Could not read teams and projects from Bison, keeping the current catalog entities: ${errorMessage(
          error,
        )}`,
      );
      return false;
    }

    const { entities, skippedProjects } = tenancyToEntities(teams, projects);
    if (skippedProjects.length > 0) {
      this.logger.debug(
        `Skipped projects of unknown teams until the next refresh: ${skippedProjects.join(
          ', ',
        )}`,
      );
    }
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: BISON_TENANCY_LOCATION,
      })),
    });

    const summary = `${teams.length} team(s) and ${
      projects.length - skippedProjects.length
    } project(s)`;
    if (summary !== this.lastSummary) {
      this.logger.info(`Bison tenancy in the catalog: ${summary}`);
      this.lastSummary = summary;
    }
    return true;
  }

  /**
   * Warns when the projects become unreadable or fail differently; the same
   * failure again (a lasting state such as a Bison without a cluster) is
   * only logged at debug level.
   */
  private warnProjectsUnreadable(error: unknown) {
    const message = errorMessage(error);
    const kept = this.lastProjects
      ? `keeping the ${this.lastProjects.length} project(s) of the last successful read`
      : 'publishing the teams without projects';
    const log =
      message === this.lastProjectsError ? this.logger.debug : this.logger.warn;
    log.call(
      this.logger,
      `Could not read projects from Bison, ${kept}: ${message}`,
    );
    this.lastProjectsError = message;
  }

  private async getItems<T>(
    baseUrl: string,
    path: string,
    token: string,
    signal: AbortSignal | undefined,
    isItem: (item: unknown) => item is T,
  ): Promise<T[]> {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal,
    });
    if (!response.ok) {
      const detail = await response
        .json()
        .then(body => body?.error?.message)
        .catch(() => undefined);
      throw new Error(
        `GET ${path} answered ${response.status}${
          typeof detail === 'string' && detail ? `: ${detail}` : ''
        }`,
      );
    }
    const body = (await response.json()) as { items?: unknown };
    if (!body || !Array.isArray(body.items)) {
      throw new Error(`GET ${path} answered no items list`);
    }
    const items = body.items.filter(isItem);
    if (items.length < body.items.length) {
      this.logger.warn(
        `Ignored ${
          body.items.length - items.length
        } malformed item(s) of GET ${path}`,
      );
    }
    return items;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isTeam(item: unknown): item is BisonTeam {
  return (
    isRecord(item) &&
    isNonEmptyString(item.name) &&
    isNonEmptyString(item.groupRef)
  );
}

function isProject(item: unknown): item is BisonProject {
  return (
    isRecord(item) && isNonEmptyString(item.name) && isNonEmptyString(item.team)
  );
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error
      ? `${error.message} (${cause.message})`
      : error.message;
  }
  return String(error);
}
