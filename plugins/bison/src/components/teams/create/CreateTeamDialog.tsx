import {
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { tenantNameProblem } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonTeam, CreateTeamRequest, Pool } from '../../../api';
import { QuotaEditor } from '../../quota/QuotaEditor';
import { QuotaForm, quotaForm, validateQuotaForm } from '../../quota/quotaForm';
import { quotaKeyLabel } from '../../quota/quantityKinds';
import { useComputeResources } from '../../quota/useComputeResources';
import { ErrorAlert, useSubmission } from '../../shared/FormDialog';
import { PoolField } from '../PoolField';
import { groupChoices } from './groupChoices';

const STEPS = ['Group', 'Quota and pool', 'Review'];

interface TeamFields {
  groupRef: string;
  name: string;
  displayName: string;
  description: string;
  pool: Pool;
}

const EMPTY: TeamFields = {
  groupRef: '',
  name: '',
  displayName: '',
  description: '',
  pool: 'shared',
};

function useGroupChoices(open: boolean) {
  const catalogApi = useApi(catalogApiRef);
  const bisonApi = useApi(bisonApiRef);
  return useAsync(async () => {
    if (!open) return undefined;
    const [groups, teams] = await Promise.all([
      catalogApi.getEntities({ filter: { kind: 'Group' } }),
      bisonApi.listTeams().catch(() => [] as BisonTeam[]),
    ]);
    return groupChoices(
      groups.items,
      teams.map(team => team.groupRef),
    );
  }, [open, catalogApi, bisonApi]);
}

/**
 * The create-team wizard: 1. a catalog Group, with the team name and
 * display name defaulting from it; 2. the team quota and node pool; 3. a
 * review, then POST /teams. Backend errors show on the review step.
 */
export function CreateTeamDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (team: BisonTeam) => void;
}) {
  const { open, onClose, onCreated } = props;
  const api = useApi(bisonApiRef);
  const groups = useGroupChoices(open);
  const resources = useComputeResources();
  const [step, setStep] = useState(0);
  const [fields, setFields] = useState<TeamFields>(EMPTY);
  const [edited, setEdited] = useState({ name: false, displayName: false });
  const [quota, setQuota] = useState<QuotaForm>(() => quotaForm());
  const [checked, setChecked] = useState(false);
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    if (open) {
      setStep(0);
      setFields(EMPTY);
      setEdited({ name: false, displayName: false });
      setQuota(quotaForm());
      setChecked(false);
      reset();
    }
  }, [open, reset]);

  function chooseGroup(ref: string) {
    const group = groups.value?.find(choice => choice.ref === ref);
    setFields(current => ({
      ...current,
      groupRef: ref,
      name: edited.name ? current.name : group?.tenantName ?? '',
      displayName: edited.displayName
        ? current.displayName
        : group?.displayName ?? '',
    }));
  }

  const groupError = fields.groupRef ? undefined : 'choose a group';
  const nameError = tenantNameProblem(fields.name.trim());
  const quotaResult = resources.value
    ? validateQuotaForm(quota, resources.value)
    : undefined;
  const quotaInvalid =
    !quotaResult || Object.keys(quotaResult.errors).length > 0;

  function next() {
    setChecked(true);
    if (step === 0 && (groupError || nameError)) return;
    if (step === 1 && quotaInvalid) return;
    setChecked(false);
    setStep(step + 1);
  }

  function request(): CreateTeamRequest {
    const result: CreateTeamRequest = {
      groupRef: fields.groupRef,
      name: fields.name.trim(),
      pool: fields.pool,
    };
    if (fields.displayName.trim()) {
      result.displayName = fields.displayName.trim();
    }
    if (fields.description.trim()) {
      result.description = fields.description.trim();
    }
    if (quotaResult && Object.keys(quotaResult.hard).length > 0) {
      result.quota = { hard: quotaResult.hard };
    }
    return result;
  }

  async function submitStep(event: FormEvent) {
    event.preventDefault();
    if (step < STEPS.length - 1) {
      next();
      return;
    }
    const created = await submit(async () =>
      onCreated(await api.createTeam(request())),
    );
    if (created) onClose();
  }

  let content;
  if (step === 0) {
    content = (
      <>
        {groups.error && <ResponseErrorPanel error={groups.error} />}
        {groups.loading && <Progress />}
        <TextField
          id="bison-create-team-group"
          select
          label="Group"
          value={fields.groupRef}
          onChange={e => chooseGroup(e.target.value)}
          error={checked && !!groupError}
          helperText={
            (checked && groupError) ||
            'The catalog Group whose members form the team'
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          disabled={!groups.value}
          fullWidth
          margin="normal"
          required
        >
          <option value="">Choose a group</option>
          {groups.value?.map(choice => (
            <option key={choice.ref} value={choice.ref} disabled={choice.taken}>
              {choice.displayName} ({choice.ref})
              {choice.taken ? ' · has a team' : ''}
            </option>
          ))}
        </TextField>
        <TextField
          id="bison-create-team-name"
          label="Name"
          value={fields.name}
          onChange={e => {
            setEdited(current => ({ ...current, name: true }));
            setFields({ ...fields, name: e.target.value });
          }}
          error={(checked || fields.name !== '') && !!nameError}
          helperText={
            ((checked || fields.name !== '') && nameError) ||
            'The Capsule tenant name; it cannot be changed later'
          }
          fullWidth
          margin="normal"
          required
          inputProps={{ autoComplete: 'off' }}
        />
        <TextField
          id="bison-create-team-display-name"
          label="Display name"
          value={fields.displayName}
          onChange={e => {
            setEdited(current => ({ ...current, displayName: true }));
            setFields({ ...fields, displayName: e.target.value });
          }}
          fullWidth
          margin="normal"
        />
        <TextField
          id="bison-create-team-description"
          label="Description"
          value={fields.description}
          onChange={e => setFields({ ...fields, description: e.target.value })}
          fullWidth
          multiline
          margin="normal"
        />
      </>
    );
  } else if (step === 1) {
    content = (
      <>
        {resources.error && <ResponseErrorPanel error={resources.error} />}
        {resources.loading && <Progress />}
        {resources.value && (
          <QuotaEditor
            resources={resources.value}
            form={quota}
            onChange={setQuota}
            idPrefix="bison-create-team-quota"
          />
        )}
        <PoolField
          id="bison-create-team-pool"
          value={fields.pool}
          onChange={pool => setFields({ ...fields, pool })}
        />
      </>
    );
  } else {
    const sent = request();
    content = (
      <>
        <ErrorAlert error={serverError} />
        <StructuredMetadataTable
          metadata={{
            Group: sent.groupRef,
            Name: sent.name ?? '',
            'Display name': sent.displayName ?? '',
            Description: sent.description ?? '',
            Pool: sent.pool ?? 'shared',
            Quota: sent.quota
              ? Object.entries(sent.quota.hard)
                  .map(([key, value]) => `${quotaKeyLabel(key)}: ${value}`)
                  .join(', ')
              : 'No limits',
          }}
        />
      </>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={sending ? undefined : onClose}
      aria-labelledby="bison-create-team-title"
      fullWidth
      maxWidth="md"
    >
      <form onSubmit={submitStep} noValidate>
        <DialogTitle id="bison-create-team-title">Create team</DialogTitle>
        <DialogContent>
          <Stepper activeStep={step}>
            {STEPS.map(label => (
              <Step key={label}>
                <StepLabel>{label}</StepLabel>
              </Step>
            ))}
          </Stepper>
          {content}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            Cancel
          </Button>
          {step > 0 && (
            <Button onClick={() => setStep(step - 1)} disabled={sending}>
              Back
            </Button>
          )}
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending || (step === 1 && !resources.value)}
          >
            {step < STEPS.length - 1 ? 'Next' : 'Create'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
