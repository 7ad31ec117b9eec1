import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatShare, shareValue } from './sharePercent';

const useStyles = makeStyles({
  bar: { flexGrow: 1, height: 8, borderRadius: 4, minWidth: 60 },
  text: { minWidth: 48, textAlign: 'right' },
});

/** A share of the total as a horizontal bar with its percent. */
export function ShareBar(props: { percent: string; label: string }) {
  const { percent, label } = props;
  const classes = useStyles();
  const text = formatShare(percent);
  return (
    <Box display="flex" alignItems="center" gridGap={8} data-testid="share">
      <LinearProgress
        variant="determinate"
        value={shareValue(percent)}
        aria-label={`Share of ${label}`}
        aria-valuetext={text}
        className={classes.bar}
      />
      <Typography variant="body2" component="span" className={classes.text}>
        {text}
      </Typography>
    </Box>
  );
}
