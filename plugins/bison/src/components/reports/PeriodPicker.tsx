import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { describePeriod, REPORT_PERIODS, ReportPeriod } from './reportPeriods';

/** The period presets of the reports, with the period they stand for. */
export function PeriodPicker(props: {
  value: ReportPeriod;
  range: { from: string; to: string };
  /** The zone months start in, in which the period is shown. */
  timeZone: string;
  onChange: (period: ReportPeriod) => void;
}) {
  const { value, range, timeZone, onChange } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={16} mb={3}>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={value}
        onChange={(_, next: ReportPeriod | null) => next && onChange(next)}
        aria-label="Period"
      >
        {REPORT_PERIODS.map(period => (
          <ToggleButton key={period.id} value={period.id}>
            {period.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="report-period"
      >
        {describePeriod(range.from, range.to, timeZone)}
      </Typography>
    </Box>
  );
}
