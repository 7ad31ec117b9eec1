import { useApi } from '@backstage/core-plugin-api';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import { AlertChannel, AlertRule, bisonApiRef } from '../../api';
import { FormDialog, useSubmission } from '../shared/FormDialog';
import {
  ruleFormValues,
  ruleFromForm,
  RuleFormValues,
  THRESHOLD_FIELDS,
} from './ruleForm';
import { RULE_TITLES } from './ruleText';

/**
 * Changes one rule: on or off, its threshold, repeats, teams and global
 * channels. Saves every rule, as `PUT /alerts/rules` takes them.
 */
export function RuleDialog(props: {
  rule?: AlertRule;
  rules: AlertRule[];
  channels: AlertChannel[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { rule, rules, channels, onClose, onSaved } = props;
  const api = useApi(bisonApiRef);
  const { sending, serverError, reset, submit } = useSubmission();
  const [values, setValues] = useState<RuleFormValues>();

  useEffect(() => {
    reset();
    setValues(rule ? ruleFormValues(rule) : undefined);
  }, [rule, reset]);

  const set = (change: Partial<RuleFormValues>) =>
    setValues(current => current && { ...current, ...change });
  const field = rule ? THRESHOLD_FIELDS[rule.kind] : undefined;

  async function save() {
    if (!rule || !values) return;
    const changed = ruleFromForm(rule, values);
    const ok = await submit(() =>
      api.putAlertRules({
        rules: rules.map(r => (r.id === rule.id ? changed : r)),
      }),
    );
    if (ok) {
      onSaved();
      onClose();
    }
  }

  return (
    <FormDialog
      open={!!rule}
      titleId="bison-alert-rule-title"
      title={rule ? `Edit rule: ${RULE_TITLES[rule.kind] ?? rule.id}` : ''}
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel="Save"
      onClose={onClose}
      onSubmit={save}
    >
      {values && (
        <>
          <FormControlLabel
            control={
              <Switch
                checked={values.enabled}
                onChange={e => set({ enabled: e.target.checked })}
                color="primary"
              />
            }
            label="On"
          />
          {field && (
            <TextField
              id="bison-alert-rule-threshold"
              label={field.label}
              helperText={field.helperText}
              value={values.threshold}
              onChange={e => set({ threshold: e.target.value })}
              fullWidth
              margin="dense"
              required
            />
          )}
          <TextField
            id="bison-alert-rule-repeat"
            label="Repeat every (minutes)"
            helperText="While it holds; empty sends once per crossing"
            value={values.repeatMinutes}
            onChange={e => set({ repeatMinutes: e.target.value })}
            type="number"
            fullWidth
            margin="dense"
          />
          <TextField
            id="bison-alert-rule-teams"
            label="Only these teams"
            helperText="Team names separated by commas; empty for every team"
            value={values.teams}
            onChange={e => set({ teams: e.target.value })}
            fullWidth
            margin="dense"
          />
          <TextField
            id="bison-alert-rule-channels"
            select
            label="Also send to"
            helperText={
              channels.length === 0
                ? 'No global channels yet'
                : "Global channels; each team's own channels always get its alerts"
            }
            disabled={channels.length === 0}
            value={values.channels}
            onChange={e =>
              set({ channels: e.target.value as unknown as string[] })
            }
            SelectProps={{
              multiple: true,
              renderValue: selected =>
                (selected as string[])
                  .map(id => channels.find(c => c.id === id)?.name ?? id)
                  .join(', '),
            }}
            fullWidth
            margin="dense"
          >
            {channels.map(c => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
    </FormDialog>
  );
}
