import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  TooltipProps,
  XAxis,
  YAxis,
} from 'recharts';
import { BisonCurrency } from '../../api';
import { formatAmount } from '../shared/money';
import { axisAmount } from '../usage/CostChart';
import { ComparisonRow } from './comparisonData';

const PREVIOUS_COLOR = '#9e9e9e';

/** The tooltip of a team: the exact API amounts, not the plotted numbers. */
function ComparisonTooltip(
  props: TooltipProps<number, string> & { currency: BisonCurrency },
) {
  const { active, payload, currency } = props;
  const row = payload?.[0]?.payload as ComparisonRow | undefined;
  if (!active || !row) return null;
  return (
    <Paper elevation={3}>
      <Box p={1}>
        <Typography variant="subtitle2">
          {row.displayName} ({row.team})
        </Typography>
        <Typography variant="body2">
          This period: {formatAmount(row.cost, currency)}
        </Typography>
        <Typography variant="body2">
          Previous period: {formatAmount(row.previousCost, currency)}
        </Typography>
      </Box>
    </Paper>
  );
}

/**
 * The costliest teams side by side: this period's cost next to the previous
 * period's. Bar heights are the amounts as numbers; the tooltip shows the
 * exact amounts.
 */
export function PeriodComparisonChart(props: {
  rows: ComparisonRow[];
  currency: BisonCurrency;
  height?: number;
}) {
  const { rows, currency, height = 280 } = props;
  const theme = useTheme();
  const axisColor = theme.palette.text.secondary;
  return (
    <Box
      role="img"
      aria-label="Cost per team, this period and the previous one"
      data-testid="comparison-chart"
      width="100%"
    >
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 600, height }}
      >
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="team"
            tick={{ fill: axisColor, fontSize: 12 }}
            interval={0}
          />
          <YAxis
            tick={{ fill: axisColor, fontSize: 12 }}
            tickFormatter={(value: number) => axisAmount(value, currency)}
            width={72}
          />
          <Tooltip
            content={<ComparisonTooltip currency={currency} />}
            cursor={{ fill: theme.palette.action.hover }}
          />
          <Legend />
          <Bar
            name="Previous period"
            dataKey="previous"
            fill={PREVIOUS_COLOR}
            isAnimationActive={false}
          />
          <Bar
            name="This period"
            dataKey="current"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
