import { EmptyState } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import { Route, Routes } from 'react-router-dom';
import { statementRouteRef, teamRouteRef } from '../../routes';
import { ActivityPage } from '../activity/ActivityPage';
import { AlertsPage } from '../alerts/AlertsPage';
import { BisonOverview } from '../BisonOverview';
import { NodesPage } from '../nodes/NodesPage';
import { PricingPage } from '../pricing/PricingPage';
import { ReportsPage } from '../reports/ReportsPage';
import { StatementPage } from '../reports/statements/StatementPage';
import { TeamPage } from '../teams/TeamPage';

/**
 * The pages below the Bison page, relative to where it is mounted: `/` the
 * overview, `/teams/:team` a team, `/teams/:team/statements/:month` one of
 * its monthly statements, `/nodes` the node pools, `/pricing` the price
 * book, `/alerts` the alerts, `/reports` the cost reports, `/activity` the
 * changes made in Bison. Used by the legacy `BisonPage` and by the page
 * extension of the new frontend system (which mounts pages as React Router
 * routes too).
 */
export function BisonRouter() {
  return (
    <Routes>
      <Route path="/" element={<BisonOverview />} />
      <Route path="/teams/:team" element={<TeamRoute />} />
      <Route
        path="/teams/:team/statements/:month"
        element={<StatementRoute />}
      />
      <Route path="/nodes" element={<NodesPage />} />
      <Route path="/pricing" element={<PricingPage />} />
      <Route path="/alerts" element={<AlertsPage />} />
      <Route path="/reports" element={<ReportsPage />} />
      <Route path="/activity" element={<ActivityPage />} />
      <Route
        path="*"
        element={<EmptyState missing="info" title="No such Bison page" />}
      />
    </Routes>
  );
}

function TeamRoute() {
  const { team } = useRouteRefParams(teamRouteRef);
  return <TeamPage team={team} />;
}

function StatementRoute() {
  const { team, month } = useRouteRefParams(statementRouteRef);
  return <StatementPage team={team} month={month} />;
}
