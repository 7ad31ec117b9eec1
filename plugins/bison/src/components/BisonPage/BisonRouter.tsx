import { EmptyState } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import { Route, Routes } from 'react-router-dom';
import { teamRouteRef } from '../../routes';
import { AlertsPage } from '../alerts/AlertsPage';
import { BisonOverview } from '../BisonOverview';
import { NodesPage } from '../nodes/NodesPage';
import { PricingPage } from '../pricing/PricingPage';
import { TeamPage } from '../teams/TeamPage';

/**
 * The pages below the Bison page, relative to where it is mounted: `/` the
 * overview, `/teams/:team` a team, `/nodes` the node pools, `/pricing` the
 * price book, `/alerts` the alerts. Used by the legacy `BisonPage` and by the
 * page extension of the new frontend system (which mounts pages as React
 * Router routes too).
 */
export function BisonRouter() {
  return (
    <Routes>
      <Route path="/" element={<BisonOverview />} />
      <Route path="/teams/:team" element={<TeamRoute />} />
      <Route path="/nodes" element={<NodesPage />} />
      <Route path="/pricing" element={<PricingPage />} />
      <Route path="/alerts" element={<AlertsPage />} />
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
