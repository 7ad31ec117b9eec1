import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { ReactNode, useEffect, useRef, useState } from 'react';
import { BisonCurrency, bisonApiRef, TeamEnforcement } from '../../api';
import { AmountField } from '../shared/AmountField';
import { FormDialog, useSubmission } from '../shared/FormDialog';
import { DefaultCheckbox } from './DefaultCheckbox';
import {
  enforcementForm,
  EnforcementForm,
  FormErrors,
  overridesFromForm,
  SettingKey,
} from './enforcementForm';
import { ModeField } from './ModeField';
import { SETTINGS } from './settingLabels';
import { StepsField } from './StepsField';

type TextKey = Exclude<SettingKey, 'mode' | 'steps'>;
const AMOUNTS: TextKey[] = ['lowBalance', 'creditLimit', 'resumeBalance'];
const DEFAULT_HINT = 'Installation default';

/**
 * Edits a team's own enforcement settings: each one the team's value or
 * the installation default. Saving replaces all of them.
 */
export function EnforcementSettingsDialog(props: {
  open: boolean;
  team: string;
  enforcement: TeamEnforcement;
  currency: BisonCurrency;
  onClose: () => void;
  onSaved: (enforcement: TeamEnforcement) => void;
}) {
  const { open, team, enforcement, currency, onClose, onSaved } = props;
  const api = useApi(bisonApiRef);
  const [form, setForm] = useState<EnforcementForm>(() =>
    enforcementForm(enforcement),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const defaultOf = <K extends SettingKey>(key: K) => enforcement.defaults[key];
  const { sending, serverError, reset, submit } = useSubmission();

  // The card reloads when the wallet changes; that must not undo edits.
  const latest = useRef(enforcement);
  latest.current = enforcement;
  useEffect(() => {
    if (open) {
      setForm(enforcementForm(latest.current));
      setErrors({});
      reset();
    }
  }, [open, reset]);

  function update<K extends SettingKey>(
    key: K,
    change: Partial<EnforcementForm[K]>,
  ) {
    setForm(current => ({ ...current, [key]: { ...current[key], ...change } }));
  }

  async function save() {
    const result = overridesFromForm(form, currency);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const saved = await submit(async () =>
      onSaved(await api.updateEnforcement(team, result.overrides)),
    );
    if (saved) onClose();
  }

  function row(key: SettingKey, label: string, input: ReactNode) {
    return (
      <Box key={key} display="flex" alignItems="flex-start" gridGap={16}>
        <Box flex={1}>{input}</Box>
        <DefaultCheckbox
          label={label}
          checked={form[key].useDefault}
          onChange={useDefault => update(key, { useDefault })}
          disabled={sending}
        />
      </Box>
    );
  }

  function textInput(key: TextKey, label: string, hint: string) {
    const state = form[key];
    const known = defaultOf(key);
    let value = state.value;
    let helperText = hint;
    if (state.useDefault) {
      value = known === undefined || known === null ? '' : String(known);
      helperText = known === null ? `${DEFAULT_HINT}: not set` : DEFAULT_HINT;
    }
    const common = {
      id: `bison-enforcement-${key}`,
      label,
      value,
      onChange: (text: string) => update(key, { value: text }),
      error: errors[key],
      helperText,
      disabled: sending || state.useDefault,
      fullWidth: true,
    };
    if (AMOUNTS.includes(key)) {
      return <AmountField {...common} currency={currency} />;
    }
    return (
      <TextField
        {...common}
        onChange={e => common.onChange(e.target.value)}
        error={!!common.error}
        helperText={common.error ?? helperText}
        margin="normal"
        inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
      />
    );
  }

  function modeInput(label: string, hint: string) {
    const state = form.mode;
    return (
      <ModeField
        id="bison-enforcement-mode"
        label={label}
        value={state.useDefault ? defaultOf('mode') ?? '' : state.value}
        onChange={mode => update('mode', { value: mode })}
        helperText={state.useDefault ? DEFAULT_HINT : hint}
        disabled={sending || state.useDefault}
      />
    );
  }

  function stepsInput(label: string, hint: string) {
    const state = form.steps;
    return (
      <StepsField
        label={label}
        value={state.useDefault ? defaultOf('steps') ?? [] : state.value}
        onChange={steps => update('steps', { value: steps })}
        helperText={state.useDefault ? DEFAULT_HINT : hint}
        disabled={sending || state.useDefault}
      />
    );
  }

  return (
    <FormDialog
      open={open}
      titleId="bison-enforcement-settings-title"
      title={`Enforcement settings of ${team}`}
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel="Save"
      onClose={onClose}
      onSubmit={save}
    >
      {SETTINGS.map(({ key, label, hint, unit }) => {
        const fieldLabel = unit ? `${label} (${unit})` : label;
        if (key === 'mode') return row(key, label, modeInput(label, hint));
        if (key === 'steps') return row(key, label, stepsInput(label, hint));
        return row(key, label, textInput(key, fieldLabel, hint));
      })}
    </FormDialog>
  );
}
