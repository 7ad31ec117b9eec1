import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';

/** One team from the backend; a missing team fails with a 404 ResponseError. */
export function useTeam(team: string) {
  const api = useApi(bisonApiRef);
  return useAsync(() => api.getTeam(team), [api, team]);
}
