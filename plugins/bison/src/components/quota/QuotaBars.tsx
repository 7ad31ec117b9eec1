import Typography from '@material-ui/core/Typography';
import { QuotaStatus } from '../../api';
import { compareQuotaKeys } from './quantityKinds';
import { QuotaUsageBar } from './QuotaUsageBar';

/** One usage bar per limited quota key, cpu first; 'No quota' without limits. */
export function QuotaBars(props: { quota?: QuotaStatus; compact?: boolean }) {
  const { quota, compact } = props;
  const keys = Object.keys(quota?.hard ?? {}).sort(compareQuotaKeys);
  if (!quota || keys.length === 0) {
    return (
      <Typography variant={compact ? 'caption' : 'body2'} color="textSecondary">
        No quota
      </Typography>
    );
  }
  return (
    <>
      {keys.map(key => (
        <QuotaUsageBar
          key={key}
          quotaKey={key}
          hard={quota.hard[key]}
          used={quota.used?.[key]}
          compact={compact}
        />
      ))}
    </>
  );
}
