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
    /**
     * The cluster whose Capsule tenants, namespaces, quotas and nodes Bison
     * manages. Set exactly one of inCluster, kubeconfig or cluster. Without
     * this section teams are ledger-only and the tenancy routes answer 503.
     */
    kubernetes?: {
      /** Use the pod's ServiceAccount (deploy/ holds the RBAC it needs). */
      inCluster?: boolean;
      /** A kubeconfig file; defaults to $KUBECONFIG or ~/.kube/config. */
      kubeconfig?: {
        path?: string;
        context?: string;
      };
      /** An API server reached with a bearer token. */
      cluster?: {
        url: string;
        caFile?: string;
        caData?: string;
        skipTLSVerify?: boolean;
        /** @visibility secret */
        token?: string;
        tokenFile?: string;
      };
      /** The namespace Bison runs in; no project may take its name. Defaults to bison-system. */
      systemNamespace?: string;
      reconcile?: {
        /** How often Tenants are checked for drift; defaults to every 5 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    billing?: {
      /** Length of a billing window in minutes; must divide a day. Defaults to 60. */
      windowMinutes?: number;
    };
  };
}
