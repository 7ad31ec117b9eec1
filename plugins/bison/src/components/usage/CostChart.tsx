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
import { CostChartData, CostChartRow, OTHER_SERIES } from './chartData';

const COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];
const OTHER_COLOR = '#9e9e9e';

/** A tick of the cost axis: '$1,200', or '1,200 JPY' without a symbol. */
export function axisAmount(value: number, currency: BisonCurrency): string {
  const number = value.toLocaleString('en-US', {
    maximumFractionDigits: currency.minorUnits,
  });
  return currency.symbol
    ? `${currency.symbol}${number}`
    : `${number} ${currency.code}`;
}

function colorOf(series: string, index: number): string {
  return series === OTHER_SERIES ? OTHER_COLOR : COLORS[index % COLORS.length];
}

/** The tooltip of a bar: the exact API amounts, not the plotted numbers. */
function CostTooltip(
  props: TooltipProps<number, string> & {
    currency: BisonCurrency;
    series: string[];
  },
) {
  const { active, payload, currency, series } = props;
  const row = payload?.[0]?.payload as CostChartRow | undefined;
  if (!active || !row) return null;
  const keys = series.filter(key => row.costs[key] !== undefined);
  return (
    <Paper elevation={3}>
      <Box p={1}>
        <Typography variant="subtitle2">{row.label} (UTC)</Typography>
        {keys.length === 0 && <Typography variant="body2">No usage</Typography>}
        {keys.map(key => (
          <Typography key={key} variant="body2">
            {key}: {formatAmount(row.costs[key], currency)}
          </Typography>
        ))}
      </Box>
    </Paper>
  );
}

/**
 * Cost over time as stacked bars, one series per key. Bar heights are the
 * amounts converted to numbers; the tooltip shows the exact amounts.
 */
export function CostChart(props: {
  data: CostChartData;
  currency: BisonCurrency;
  /** Accessible name of the chart, e.g. 'Cost by resource'. */
  title: string;
  height?: number;
  /** A small chart: no grid, legend or value axis. */
  compact?: boolean;
}) {
  const { data, currency, title, height = 280, compact } = props;
  const theme = useTheme();
  const axisColor = theme.palette.text.secondary;
  return (
    <Box role="img" aria-label={title} data-testid="cost-chart" width="100%">
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 600, height }}
      >
        <BarChart
          data={data.rows}
          margin={{ top: 8, right: 8, bottom: 0, left: compact ? 0 : 8 }}
        >
          {!compact && <CartesianGrid strokeDasharray="3 3" vertical={false} />}
          <XAxis
            dataKey="label"
            tick={{ fill: axisColor, fontSize: 12 }}
            minTickGap={16}
          />
          <YAxis
            tick={{ fill: axisColor, fontSize: 12 }}
            tickFormatter={(value: number) => axisAmount(value, currency)}
            width={compact ? 0 : 72}
            hide={compact}
          />
          <Tooltip
            content={<CostTooltip currency={currency} series={data.series} />}
            cursor={{ fill: theme.palette.action.hover }}
          />
          {!compact && data.series.length > 1 && <Legend />}
          {data.series.map((key, index) => (
            <Bar
              key={key}
              name={key}
              dataKey={(row: CostChartRow) => row.values[key] ?? 0}
              stackId="cost"
              fill={colorOf(key, index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
