import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The Bison page. */
export const rootRouteRef = createRouteRef({ id: 'bison' });

/** The page of one team, below the Bison page: `/bison/teams/:team`. */
export const teamRouteRef = createSubRouteRef({
  id: 'bison/team',
  parent: rootRouteRef,
  path: '/teams/:team',
});

/** The node pools, below the Bison page: `/bison/nodes`. */
export const nodesRouteRef = createSubRouteRef({
  id: 'bison/nodes',
  parent: rootRouteRef,
  path: '/nodes',
});

/** The price books, below the Bison page: `/bison/pricing`. */
export const pricingRouteRef = createSubRouteRef({
  id: 'bison/pricing',
  parent: rootRouteRef,
  path: '/pricing',
});

/** Alert channels, rules and delivery history, below the Bison page: `/bison/alerts`. */
export const alertsRouteRef = createSubRouteRef({
  id: 'bison/alerts',
  parent: rootRouteRef,
  path: '/alerts',
});

/** Cost reports of every team and namespace, below the Bison page: `/bison/reports`. */
export const reportsRouteRef = createSubRouteRef({
  id: 'bison/reports',
  parent: rootRouteRef,
  path: '/reports',
});

/**
 * Changes made in Bison, below the Bison page: `/bison/activity`, filtered by
 * its query string (`?team=ml-team&actor=…&action=…&from=…&to=…`).
 */
export const activityRouteRef = createSubRouteRef({
  id: 'bison/activity',
  parent: rootRouteRef,
  path: '/activity',
});

/**
 * A team's statement of one month (`YYYY-MM`), below the Bison page:
 * `/bison/teams/:team/statements/:month`.
 */
export const statementRouteRef = createSubRouteRef({
  id: 'bison/statement',
  parent: rootRouteRef,
  path: '/teams/:team/statements/:month',
});
