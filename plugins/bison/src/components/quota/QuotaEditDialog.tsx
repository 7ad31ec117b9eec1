import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { ResourceList } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { QuotaEditor } from './QuotaEditor';
import { QuotaForm, quotaForm, validateQuotaForm } from './quotaForm';
import { useComputeResources } from './useComputeResources';

/**
 * A dialog editing a quota's hard limits with the {@link QuotaEditor};
 * `onSave` receives the new `hard` map and its error, if any, is shown in
 * the dialog.
 */
export function QuotaEditDialog(props: {
  open: boolean;
  title: string;
  /** The hard limits to start from. */
  hard: ResourceList;
  idPrefix: string;
  onClose: () => void;
  onSave: (hard: ResourceList) => Promise<void>;
}) {
  const { open, title, hard, idPrefix, onClose, onSave } = props;
  const resources = useComputeResources();
  const [form, setForm] = useState<QuotaForm>(() => quotaForm(hard));
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const latestHard = useRef(hard);
  latestHard.current = hard;

  useEffect(() => {
    if (open) {
      setForm(quotaForm(latestHard.current));
      setSaving(false);
      setServerError(undefined);
    }
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!resources.value || saving) return;
    const result = validateQuotaForm(form, resources.value);
    if (Object.keys(result.errors).length > 0) return;
    setSaving(true);
    setServerError(undefined);
    try {
      await onSave(result.hard);
      setSaving(false);
      onClose();
    } catch (error) {
      setSaving(false);
      setServerError(errorMessage(error));
    }
  }

  const titleId = `${idPrefix}-dialog-title`;
  return (
    <Dialog
      open={open}
      onClose={saving ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="md"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
          {resources.error && <ResponseErrorPanel error={resources.error} />}
          {resources.loading && <Progress />}
          {resources.value && (
            <QuotaEditor
              resources={resources.value}
              form={form}
              onChange={setForm}
              idPrefix={idPrefix}
              disabled={saving}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving || !resources.value}
          >
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
