import { CopyTextButton, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Statement } from '../../../api';

const useStyles = makeStyles((theme: Theme) => ({
  hash: {
    fontFamily: 'monospace',
    wordBreak: 'break-all',
    padding: theme.spacing(0.5, 1),
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
}));

/**
 * The ledger entries the statement covers and their SHA-256, so that a
 * filed copy can be checked against the ledger later.
 */
export function LedgerHashCard(props: { statement: Statement }) {
  const { ledger } = props.statement;
  const classes = useStyles();
  return (
    <InfoCard title="Ledger">
      <Typography variant="body2" gutterBottom data-testid="ledger-entries">
        {ledger.count} {ledger.count === 1 ? 'ledger entry' : 'ledger entries'}
        {ledger.firstId && ledger.lastId
          ? `, ids ${ledger.firstId} to ${ledger.lastId}`
          : ''}
      </Typography>
      <Typography variant="overline" color="textSecondary" component="p">
        SHA-256 of the entries
      </Typography>
      <Box display="flex" alignItems="center" gridGap={8}>
        <code className={classes.hash} data-testid="ledger-sha256">
          {ledger.sha256}
        </code>
        <CopyTextButton text={ledger.sha256} aria-label="Copy SHA-256" />
      </Box>
      <Typography variant="caption" color="textSecondary">
        Over each entry in ledger order as id;kind;amount;balanceAfter;createdAt
        (amounts in micro-units, times in UTC), one line each.
      </Typography>
    </InfoCard>
  );
}
