import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The Bison tenancy entity provider of
       * `@bison/plugin-catalog-backend-module-bison`: Bison teams (Capsule
       * tenants) and their project namespaces as `Resource` entities.
       */
      bison?: {
        /**
         * How often the teams and projects are read from the Bison backend
         * and applied to the catalog. Defaults to every 5 minutes with a
         * 1 minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
