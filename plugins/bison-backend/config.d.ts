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
    /**
     * What happens when a team's money runs out: wallet states, the grace
     * period and the suspension ladder. Each setting can be overridden per
     * team through the API.
     */
    enforcement?: {
      /**
       * enforce suspends teams in the cluster; warn (the default) computes
       * states and events but changes nothing in the cluster, for adopting
       * enforcement safely.
       */
      mode?: 'enforce' | 'warn';
      /** A team is low below this balance, e.g. '100.00'. Not set by default. */
      lowBalance?: string;
      /** A team is low when its balance lasts fewer days at its burn rate. Defaults to 3. */
      lowRunwayDays?: number;
      /**
       * How far below zero a balance may go before the team is overdue,
       * e.g. '500.00'. Defaults to 0.
       */
      creditLimit?: string;
      /** Hours from becoming overdue to suspension. Defaults to 72. */
      graceHours?: number;
      /**
       * A suspended team resumes when a posting brings its balance to this;
       * defaults to the credit limit (no longer overdue).
       */
      resumeBalance?: string;
      /**
       * The suspension steps that run, in this order: cordon,
       * block-new-pods, scale-workloads, suspend-jobs, delete-bare-pods.
       * Defaults to all but delete-bare-pods (which cannot be undone).
       */
      steps?: Array<
        | 'cordon'
        | 'block-new-pods'
        | 'scale-workloads'
        | 'suspend-jobs'
        | 'delete-bare-pods'
      >;
      /** When the pass over all teams runs; defaults to every minute. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    pricing?: {
      /**
       * The first price book, used until prices are set through the API:
       * a price per unit-hour (core-hour, GiB-hour, device-hour) per
       * resource key. Defaults to OpenCost's on-premises defaults.
       */
      defaults?: Array<{ resource: string; pricePerHour: string }>;
    };
    billing?: {
      /** Length of a billing window in minutes; must divide a day. Defaults to 60. */
      windowMinutes?: number;
      /**
       * Id of the usage source to bill from: opencost, prometheus, or one a
       * module adds. Defaults to the built-in source that is configured.
       */
      source?: string;
      /** How long after a window ends its usage is billed. Defaults to 15. */
      settleDelayMinutes?: number;
      /**
       * RFC 3339 instant billing starts from when nothing was billed yet;
       * defaults to the creation of the first team.
       */
      startAt?: string;
      /** Most windows one run bills (catch-up is spread over runs). Defaults to 48. */
      maxWindowsPerRun?: number;
      /** When the billing task runs; defaults to every 5 minutes. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * The check of billed windows against the usage source's answer now;
       * it reports differences and never changes the ledger.
       */
      reconciliation?: {
        /** The latest billed windows each check compares; defaults to 24. */
        recentWindows?: number;
        /** Older windows each check compares, picked at random; defaults to 24. */
        sampleWindows?: number;
        /** How many days back the sample reaches; defaults to 31. */
        lookbackDays?: number;
        /** When the check runs; defaults to every 6 hours. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /**
       * The OpenCost usage source (id `opencost`): usage per namespace from
       * OpenCost's allocation API. Without this section it is not available.
       */
      opencost?: {
        /**
         * Base URL of the OpenCost API (http or https), e.g.
         * http://opencost.opencost:9003, or for Kubecost
         * http://kubecost-cost-analyzer.kubecost:9090/model.
         */
        baseUrl: string;
        /**
         * Allocation endpoint below baseUrl: /allocation (the default) or
         * /allocation/compute.
         */
        path?: string;
        /**
         * How long one request may take: a duration string ('60s', '2m',
         * ISO 8601 'PT1M') or an object such as { seconds: 60 }. Defaults to
         * 60 seconds.
         */
        timeout?:
          | string
          | {
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
        /**
         * Sent as `Authorization: Bearer <token>`.
         * @visibility secret
         */
        token?: string;
        /**
         * Extra HTTP headers sent with every request, e.g. for an
         * authenticating proxy. Not together with token and an
         * Authorization header.
         * @deepVisibility secret
         */
        headers?: { [name: string]: string };
      };
      /**
       * The Prometheus usage source (id `prometheus`): usage per namespace
       * computed from kube-state-metrics and cAdvisor series with PromQL.
       * Without this section it is not available.
       */
      prometheus?: {
        /**
         * Base URL (http or https) below which /api/v1/query is served, e.g.
         * http://prometheus-operated.monitoring:9090, or a Thanos or Mimir
         * prefix such as https://mimir.example.com/prometheus.
         */
        baseUrl: string;
        /**
         * How long one query may take: a duration string ('60s', '2m',
         * ISO 8601 'PT1M') or an object such as { seconds: 60 }. Defaults to
         * 60 seconds.
         */
        timeout?:
          | string
          | {
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
        /**
         * Sent as `Authorization: Bearer <token>`.
         * @visibility secret
         */
        token?: string;
        /**
         * PromQL label matchers added to every series selector, to pick the
         * one cluster to bill from a Prometheus holding several, e.g.
         * 'cluster="prod"' or 'cluster="prod", region=~"eu-.*"'. Only
         * double-quoted values; labels starting with __ are refused.
         */
        labelMatchers?: string;
      };
    };
    reports?: {
      /**
       * The IANA time zone months start in for statements and monthly
       * reports, e.g. Europe/Berlin. Defaults to UTC.
       */
      timeZone?: string;
      /** Summing ended days of usage, which long reports read. */
      dailySums?: {
        /** When ended days are summed; defaults to every 30 minutes. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    /** The activity log: every change made in Bison, never a secret. */
    activity?: {
      /** How many days entries are kept; defaults to 400. */
      retentionDays?: number;
      /** When old entries are removed; defaults to once a day. */
      retentionSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Alerts: rules, channels and their delivery. */
    alerts?: {
      /**
       * The default rules, by kind; the app can change them. Each kind takes
       * `enabled`, `repeatMinutes` (resend while it holds; off by default),
       * `teams` (limit to these team names), `channels` (global channel ids
       * to route to) and its thresholds: low-balance `below` (an amount),
       * low-balance-percent `levels` (percent of the last recharge, e.g.
       * [50, 25, 10]), low-runway `days`, grace-ending `hoursBefore`, quota
       * `percent`, billing-lag `windows`.
       */
      rules?: {
        [kind: string]: {
          enabled?: boolean;
          repeatMinutes?: number | null;
          teams?: string[] | null;
          channels?: string[];
          below?: string;
          levels?: number[];
          days?: number;
          hoursBefore?: number;
          percent?: number;
          windows?: number;
        };
      };
      /**
       * Encrypts channel secrets (webhook URLs, signing secrets, SMTP
       * passwords) at rest: at least 32 characters, e.g. the output of
       * `openssl rand -base64 32`. Without it, channels with secrets cannot
       * be saved.
       * @visibility secret
       */
      secretKey?: string;
      /**
       * Keys used before `secretKey`, still read after a key rotation;
       * secrets are sealed again with the current key when they change.
       * @visibility secret
       */
      previousSecretKeys?: string[];
      /**
       * Receivers inside the network that channels may reach over http and
       * at private addresses: host names, `*.domain`, IP addresses or CIDR
       * ranges. Everything else must be https to a public address.
       */
      allowedHosts?: string[];
      /**
       * Who gets installation alerts (billing failed or lagging) as
       * Backstage notifications, as entity refs such as
       * `group:default/platform-admins`.
       */
      adminRecipients?: string[];
      delivery?: {
        /**
         * How long a delivery is retried, with exponential backoff, before it
         * is marked failed. Defaults to 1440 (a day).
         */
        retryForMinutes?: number;
      };
      /** When the rules are evaluated; defaults to every minute. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
