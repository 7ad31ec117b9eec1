import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency, TeamEnforcement } from '../../api';
import { Money } from '../shared/Money';
import { plural } from '../shared/plural';
import { isOwn, SettingKey } from './enforcementForm';
import { MODE_LABELS, SETTINGS } from './settingLabels';
import { stepLabel } from './steps';

function SettingValue(props: {
  setting: SettingKey;
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { setting, currency } = props;
  const { settings } = props.enforcement;
  switch (setting) {
    case 'mode':
      return <>{MODE_LABELS[settings.mode] ?? settings.mode}</>;
    case 'lowBalance':
    case 'creditLimit':
    case 'resumeBalance': {
      const amount = settings[setting];
      return amount === null ? (
        <>Not set</>
      ) : (
        <Money amount={amount} currency={currency} />
      );
    }
    case 'lowRunwayDays':
      return (
        <>
          {settings.lowRunwayDays === null
            ? 'Not set'
            : plural(settings.lowRunwayDays, 'day')}
        </>
      );
    case 'graceHours':
      return <>{plural(settings.graceHours, 'hour')}</>;
    case 'steps':
      if (settings.steps.length === 0) return <>None</>;
      return (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {settings.steps.map(step => (
            <li key={step}>{stepLabel(step)}</li>
          ))}
        </ol>
      );
    default:
      return null;
  }
}

/**
 * The enforcement settings in effect for a team, each marked as the team's
 * own or the installation default.
 */
export function EnforcementSettingsTable(props: {
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
}) {
  const { enforcement, currency } = props;
  return (
    <Table size="small" aria-label="Enforcement settings">
      <TableBody>
        {SETTINGS.map(({ key, label, hint }) => {
          const own = isOwn(enforcement.overrides, key);
          return (
            <TableRow
              key={key}
              data-testid={`setting-${key}`}
              data-source={own ? 'team' : 'default'}
            >
              <TableCell
                component="th"
                scope="row"
                title={hint}
                style={{ whiteSpace: 'nowrap' }}
              >
                {label}
              </TableCell>
              <TableCell>
                <SettingValue
                  setting={key}
                  enforcement={enforcement}
                  currency={currency}
                />
                {own ? (
                  <Box mt={0.5}>
                    <Chip size="small" color="primary" label="Team setting" />
                  </Box>
                ) : (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    Default
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
