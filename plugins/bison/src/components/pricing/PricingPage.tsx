import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { useSettings } from '../useSettings';
import { CurrentPricesCard } from './CurrentPricesCard';
import { PriceHistoryTable } from './PriceHistoryTable';
import { PricePreviewCard } from './PricePreviewCard';

/**
 * The price book (`/bison/pricing`): the prices in effect, for those
 * allowed to, editing them as a new (possibly scheduled) version, every
 * version, and a cost calculator.
 */
export function PricingPage() {
  const api = useApi(bisonApiRef);
  const overviewLink = useRouteRef(rootRouteRef);
  const settings = useSettings();
  const [reloads, setReloads] = useState(0);
  const books = useAsync(() => api.getPrices(), [api, reloads]);

  const error = settings.error ?? books.error;
  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!settings.value || !books.value) {
    body = <Progress />;
  } else {
    const { currency } = settings.value;
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <CurrentPricesCard
            books={books.value}
            currency={currency}
            onSaved={() => setReloads(n => n + 1)}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <PricePreviewCard
            key={books.value.current.version}
            current={books.value.current}
            currency={currency}
          />
        </Grid>
        <Grid item xs={12}>
          <PriceHistoryTable books={books.value} />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <Box mb={3}>
        <Link to={overviewLink()}>All teams</Link>
        <Typography variant="h4" component="h1">
          Pricing
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Usage is billed per window at the prices of the version in effect when
          the window starts, per core-hour, GiB-hour or device-hour.
        </Typography>
      </Box>
      {body}
    </>
  );
}
