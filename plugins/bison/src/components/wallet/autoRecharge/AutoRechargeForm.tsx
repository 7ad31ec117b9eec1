import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { walletRechargePermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AutoRechargePolicy, BisonCurrency, bisonApiRef } from '../../../api';
import { AmountField } from '../../shared/AmountField';
import { errorMessage } from '../../shared/errorMessage';
import {
  PolicyField,
  PolicyFormValues,
  policyToForm,
  validatePolicyForm,
} from './policyForm';
import { ScheduleFields } from './ScheduleFields';

/** @public */
export interface AutoRechargeFormProps {
  /** The team's tenant name. */
  team: string;
  currency: BisonCurrency;
  /** Change to reload the policy (unsaved edits are kept). */
  refreshKey?: number;
}

/**
 * The team's auto-recharge policy: scheduled top-ups, threshold top-ups and a
 * monthly cap. Editable by those allowed to recharge the wallet, read-only
 * for everybody else.
 *
 * @public
 */
export function AutoRechargeForm(props: AutoRechargeFormProps) {
  const { team, currency, refreshKey = 0 } = props;
  const api = useApi(bisonApiRef);
  const permission = usePermission({
    permission: walletRechargePermission,
    resourceRef: team,
  });
  const canEdit = permission.allowed;
  const { value: loaded, error } = useAsync(
    () => api.getAutoRecharge(team),
    [api, team, refreshKey],
  );

  // The last policy known to be stored, from a load or a save.
  const [stored, setStored] = useState<AutoRechargePolicy>();
  const [values, setValues] = useState<PolicyFormValues>();
  const [dirty, setDirty] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [savedAt, setSavedAt] = useState<number>();

  useEffect(() => {
    if (loaded) setStored(loaded);
  }, [loaded]);
  useEffect(() => {
    if (stored && !dirty) setValues(policyToForm(stored));
  }, [stored, dirty]);

  if (error && !values) {
    return (
      <InfoCard title="Auto-recharge policy">
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!values) {
    return (
      <InfoCard title="Auto-recharge policy">
        <Progress />
      </InfoCard>
    );
  }

  const { errors, policy } = validatePolicyForm(values, currency);
  const shown = (field: Exclude<PolicyField, 'form'>) =>
    submitted || values[field] !== '' ? errors[field] : undefined;
  const readOnly = !canEdit || saving;

  const change = (patch: Partial<PolicyFormValues>) => {
    setValues({ ...values, ...patch });
    setDirty(true);
    setSavedAt(undefined);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!canEdit || !policy || saving) return;
    setSaving(true);
    setServerError(undefined);
    try {
      const result = await api.putAutoRecharge(team, policy);
      setStored(result);
      setDirty(false);
      setSubmitted(false);
      setSavedAt(Date.now());
    } catch (e) {
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <InfoCard title="Auto-recharge policy">
      <form onSubmit={save} noValidate aria-label="Auto-recharge policy">
        <FormControlLabel
          control={
            <Switch
              checked={values.enabled}
              onChange={e => change({ enabled: e.target.checked })}
              color="primary"
              disabled={readOnly}
            />
          }
          label="Enabled"
        />

        <Box mt={2}>
          <Typography variant="subtitle2">Scheduled top-up</Typography>
          <ScheduleFields
            values={values}
            onChange={change}
            disabled={readOnly}
          />
          {values.schedule !== 'none' && (
            <AmountField
              id="bison-auto-recharge-scheduled-amount"
              label="Scheduled amount"
              value={values.scheduledAmount}
              onChange={text => change({ scheduledAmount: text })}
              currency={currency}
              error={shown('scheduledAmount')}
              disabled={readOnly}
            />
          )}
        </Box>

        <Box mt={2}>
          <Typography variant="subtitle2">Threshold top-up</Typography>
          <Box display="flex" flexWrap="wrap" gridGap={16}>
            <AmountField
              id="bison-auto-recharge-below"
              label="When balance is below"
              value={values.below}
              onChange={text => change({ below: text })}
              currency={currency}
              error={shown('below')}
              helperText="Leave both empty for none"
              disabled={readOnly}
            />
            <AmountField
              id="bison-auto-recharge-top-up-to"
              label="Top up to"
              value={values.topUpTo}
              onChange={text => change({ topUpTo: text })}
              currency={currency}
              error={shown('topUpTo')}
              disabled={readOnly}
            />
          </Box>
        </Box>

        <Box mt={2}>
          <AmountField
            id="bison-auto-recharge-monthly-cap"
            label="Monthly cap"
            value={values.monthlyCap}
            onChange={text => change({ monthlyCap: text })}
            currency={currency}
            error={shown('monthlyCap')}
            helperText="Optional: most auto-recharged per calendar month"
            disabled={readOnly}
          />
        </Box>

        {submitted && errors.form && (
          <Box mt={2}>
            <Alert severity="error">{errors.form}</Alert>
          </Box>
        )}
        {serverError && (
          <Box mt={2}>
            <Alert severity="error">{serverError}</Alert>
          </Box>
        )}
        {savedAt && !dirty && (
          <Box mt={2}>
            <Alert severity="success">Auto-recharge policy saved.</Alert>
          </Box>
        )}

        <Box mt={2} display="flex" alignItems="center">
          {canEdit ? (
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={saving || !dirty}
            >
              Save
            </Button>
          ) : (
            !permission.loading && (
              <Typography variant="body2" color="textSecondary">
                Read-only: you may not change this team's auto-recharge policy.
              </Typography>
            )
          )}
        </Box>
      </form>
    </InfoCard>
  );
}
