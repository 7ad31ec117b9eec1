import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { ProjectsCard } from '../projects/ProjectsCard';
import { TeamQuotaCard } from '../quota/TeamQuotaCard';

/**
 * The team's Kubernetes side: its quota and its projects. A change in one
 * card reloads the other (a new project appears in the quota card, a new
 * project quota in the projects table).
 */
export function TeamTenancyView(props: { team: string }) {
  const { team } = props;
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey(key => key + 1);
  return (
    <Grid container spacing={3} key={team}>
      <Grid item xs={12} lg={5}>
        <TeamQuotaCard
          team={team}
          refreshKey={refreshKey}
          onChanged={refresh}
        />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ProjectsCard team={team} refreshKey={refreshKey} onChanged={refresh} />
      </Grid>
    </Grid>
  );
}
