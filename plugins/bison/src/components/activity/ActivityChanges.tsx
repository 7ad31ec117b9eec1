import Box from '@material-ui/core/Box';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ActivityEntry } from '../../api';
import { changeJson } from './changeJson';

const useStyles = makeStyles((theme: Theme) => ({
  json: {
    margin: 0,
    padding: theme.spacing(1),
    maxHeight: 320,
    overflow: 'auto',
    fontSize: theme.typography.caption.fontSize,
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
}));

function JsonPane(props: { title: string; json?: string; testId: string }) {
  const classes = useStyles();
  return (
    <Box flex="1 1 280px" minWidth={0}>
      <Typography variant="overline" component="h4">
        {props.title}
      </Typography>
      {props.json === undefined ? (
        <Typography variant="body2" color="textSecondary">
          Nothing kept
        </Typography>
      ) : (
        <pre className={classes.json} data-testid={props.testId}>
          {props.json}
        </pre>
      )}
    </Box>
  );
}

/** What a change replaced and what it made, side by side, as JSON. */
export function ActivityChanges(props: { entry: ActivityEntry }) {
  const { entry } = props;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="flex-start">
      <JsonPane
        title="Before"
        json={changeJson(entry.before)}
        testId="activity-before"
      />
      <JsonPane
        title="After"
        json={changeJson(entry.after)}
        testId="activity-after"
      />
    </Box>
  );
}
