import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';

/** The resources a quota can limit, from GET /resources. */
export function useComputeResources() {
  const api = useApi(bisonApiRef);
  return useAsync(() => api.listComputeResources(), [api]);
}
