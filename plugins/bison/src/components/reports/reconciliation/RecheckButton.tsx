import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { billingOperatePermission } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import { useState } from 'react';
import { bisonApiRef } from '../../../api';
import { errorMessage } from '../../shared/errorMessage';
import { plural } from '../../shared/plural';

/**
 * "Re-check now", for those allowed to operate billing: checks the latest
 * billed windows and a sample of older ones against the usage source and
 * says what it found.
 */
export function RecheckButton(props: { onChecked: () => void }) {
  const { onChecked } = props;
  const api = useApi(bisonApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({ permission: billingOperatePermission });
  const [checking, setChecking] = useState(false);
  if (!allowed) return null;

  async function recheck() {
    setChecking(true);
    try {
      const check = await api.runReconciliationCheck();
      if (check.status === 'failed') {
        alertApi.post({
          message: `The reconciliation check failed: ${
            check.error ?? 'unknown error'
          }`,
          severity: 'error',
        });
      } else {
        alertApi.post({
          message: `Checked ${plural(
            check.windowsChecked,
            'billed window',
          )}: ${plural(check.differences, 'difference')}`,
          severity: 'success',
          display: 'transient',
        });
      }
      onChecked();
    } catch (error) {
      alertApi.post({ message: errorMessage(error), severity: 'error' });
    } finally {
      setChecking(false);
    }
  }

  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={recheck}
      disabled={checking}
      aria-busy={checking}
      startIcon={checking ? <CircularProgress size={16} /> : undefined}
    >
      Re-check now
    </Button>
  );
}
