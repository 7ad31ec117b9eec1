import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEffect, useRef, useState } from 'react';
import { ResourceList } from '../../api';
import { FormDialog, useSubmission } from '../shared/FormDialog';
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
  const { sending, serverError, reset, submit } = useSubmission();
  const latestHard = useRef(hard);
  latestHard.current = hard;

  useEffect(() => {
    if (open) {
      setForm(quotaForm(latestHard.current));
      reset();
    }
  }, [open, reset]);

  async function save() {
    if (!resources.value) return;
    const result = validateQuotaForm(form, resources.value);
    if (Object.keys(result.errors).length > 0) return;
    if (await submit(() => onSave(result.hard))) onClose();
  }

  return (
    <FormDialog
      open={open}
      titleId={`${idPrefix}-dialog-title`}
      title={title}
      maxWidth="md"
      sending={sending}
      error={serverError}
      submitLabel="Save"
      submitDisabled={!resources.value}
      onClose={onClose}
      onSubmit={save}
    >
      {resources.error && <ResponseErrorPanel error={resources.error} />}
      {resources.loading && <Progress />}
      {resources.value && (
        <QuotaEditor
          resources={resources.value}
          form={form}
          onChange={setForm}
          idPrefix={idPrefix}
          disabled={sending}
        />
      )}
    </FormDialog>
  );
}
