import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef } from '../../../api';
import { EmptyTable } from '../../alerts/compactTable';
import { isForbidden } from '../../shared/errorMessage';
import {
  DIFFERENCE_FILTERS,
  DifferenceFilter,
  emptyDifferencesText,
} from './differenceText';
import { DifferencesTable } from './DifferencesTable';
import { lastCheckText } from './lastCheckText';
import { RecheckButton } from './RecheckButton';

/**
 * Billed windows checked again against the usage source, for those who may
 * read reports: the last check, and the differences it found (open ones by
 * default) with their lines; "Re-check now" for billing operators and
 * "Settle" for who may adjust the team's wallet. Without a currency yet
 * (settings loading) it waits.
 */
export function ReconciliationCard(props: { currency?: BisonCurrency }) {
  const { currency } = props;
  const api = useApi(bisonApiRef);
  const [filter, setFilter] = useState<DifferenceFilter>('open');
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads(n => n + 1);
  const reconciliation = useAsync(
    () => api.getReconciliation({ status: filter }),
    [api, filter, reloads],
  );
  const { value, error } = reconciliation;

  let body;
  if (error && isForbidden(error)) {
    body = (
      <Typography color="textSecondary">
        You do not have access to the reconciliation.
      </Typography>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || !currency) {
    body = <Progress />;
  } else {
    body = (
      <>
        <Typography
          variant="body2"
          color={
            value.lastCheck?.status === 'failed' ? 'error' : 'textSecondary'
          }
          data-testid="reconciliation-last-check"
        >
          {lastCheckText(value.lastCheck)}
        </Typography>
        <Box mt={2}>
          {value.items.length === 0 ? (
            <EmptyTable text={emptyDifferencesText(filter)} />
          ) : (
            <DifferencesTable
              differences={value.items}
              currency={currency}
              onSettled={reload}
            />
          )}
        </Box>
      </>
    );
  }

  return (
    <InfoCard
      title="Reconciliation"
      subheader="Billed windows checked again against the usage source; a difference changes no wallet until it is settled"
      action={
        <Box display="flex" alignItems="center" gridGap={16} mt={1} mr={1}>
          <TextField
            id="bison-reconciliation-status"
            select
            label="Status"
            value={filter}
            onChange={e => setFilter(e.target.value as DifferenceFilter)}
            SelectProps={{ native: true }}
            size="small"
            variant="outlined"
          >
            {DIFFERENCE_FILTERS.map(option => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </TextField>
          <RecheckButton onChecked={reload} />
        </Box>
      }
    >
      {body}
    </InfoCard>
  );
}
