import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatUsage, usagePercent, usageSeverity } from './displayQuantity';
import { quotaKeyLabel } from './quantityKinds';

const useStyles = makeStyles((theme: Theme) => ({
  root: { marginBottom: theme.spacing(1) },
  compact: { marginBottom: theme.spacing(0.5), minWidth: 200 },
  bar: { height: 8, borderRadius: 4 },
  compactBar: { height: 4, borderRadius: 2 },
  ok: { backgroundColor: theme.palette.primary.main },
  warning: { backgroundColor: theme.palette.warning.main },
  error: { backgroundColor: theme.palette.error.main },
}));

/**
 * Use of one quota key against its hard limit: its name, '12 / 64 GiB' and
 * a bar that turns amber from 80 % and red from 100 %.
 */
export function QuotaUsageBar(props: {
  quotaKey: string;
  hard: string;
  used?: string;
  compact?: boolean;
}) {
  const { quotaKey, hard, used, compact } = props;
  const classes = useStyles();
  const label = quotaKeyLabel(quotaKey);
  const usage = formatUsage(used, hard, quotaKey);
  const percent = usagePercent(used, hard);
  const severity = usageSeverity(percent);
  return (
    <Box
      className={compact ? classes.compact : classes.root}
      data-testid="quota-usage"
      data-quota-key={quotaKey}
      data-severity={severity}
    >
      <Box display="flex" justifyContent="space-between" gridGap={8}>
        <Typography
          variant={compact ? 'caption' : 'body2'}
          noWrap
          title={label}
        >
          {label}
        </Typography>
        <Typography
          variant={compact ? 'caption' : 'body2'}
          color={severity === 'error' ? 'error' : 'textSecondary'}
          noWrap
          style={{ flexShrink: 0 }}
        >
          {usage}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={Math.min(percent ?? 0, 100)}
        aria-label={`${label} usage`}
        aria-valuetext={usage}
        className={compact ? classes.compactBar : classes.bar}
        classes={{ bar: classes[severity] }}
      />
    </Box>
  );
}
