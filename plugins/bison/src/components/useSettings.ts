import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../api';

/** The installation settings (currency, billing window) from the backend. */
export function useSettings() {
  const api = useApi(bisonApiRef);
  return useAsync(() => api.getSettings(), [api]);
}
