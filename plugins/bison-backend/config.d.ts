import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Bison plugin suite. */
  bison?: {
    /**
     * The single currency of this installation. Amounts are stored in
     * micro-units (1e-6) and accepted with at most `minorUnits` decimals.
     * @visibility frontend
     */
    currency?: {
      /**
       * ISO 4217 code, e.g. USD.
       * @visibility frontend
       */
      code: string;
      /**
       * Display symbol, e.g. $.
       * @visibility frontend
       */
      symbol?: string;
      /**
       * Decimal places accepted in amounts (0-6). Defaults to 2.
       * @visibility frontend
       */
      minorUnits?: number;
    };
    /**
     * How long a user's permission decision on teams is reused, in seconds
     * (0 asks the permission backend on every request). Defaults to 5.
     */
    permissionDecisionCacheSeconds?: number;
    autoRecharge?: {
      /** When the auto-recharge task runs; defaults to every 10 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    billing?: {
      /** Length of a billing window in minutes; must divide a day. Defaults to 60. */
      windowMinutes?: number;
    };
  };
}
