import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';

/**
 * One team from the backend, reloaded when `refreshKey` changes; a missing
 * team fails with a 404 ResponseError.
 */
export function useTeam(team: string, refreshKey: number = 0) {
  const api = useApi(bisonApiRef);
  return useAsync(() => api.getTeam(team), [api, team, refreshKey]);
}
