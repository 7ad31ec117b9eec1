import { useApi } from '@backstage/core-plugin-api';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import { useEffect, useMemo, useState } from 'react';
import { AlertChannel, AlertChannelType, bisonApiRef } from '../../api';
import { FormDialog, useSubmission } from '../shared/FormDialog';
import {
  CHANNEL_FIELDS,
  ChannelField,
  FieldValues,
  initialValues,
  toRequest,
} from './channelFields';

function inputType(field: ChannelField): string {
  if (field.masked) return 'password';
  return field.input === 'number' ? 'number' : 'text';
}

/** A channel type a module added: its settings and secrets as JSON. */
const JSON_FIELDS: ChannelField[] = [
  {
    name: 'settings',
    label: 'Settings (JSON)',
    group: 'settings',
    input: 'text',
  },
  {
    name: 'secrets',
    label: 'Secrets (JSON)',
    group: 'secrets',
    input: 'secret',
  },
];

function parseJsonFields(values: FieldValues) {
  const parse = (name: string) => {
    const text = String(values[name] ?? '').trim();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`${name} is not valid JSON`);
    }
  };
  return { settings: parse('settings'), secrets: parse('secrets') };
}

/**
 * Adds a channel (global, or the team's when `team` is given) or changes
 * one. Secrets are never shown: empty secret fields keep what is stored.
 */
export function ChannelDialog(props: {
  open: boolean;
  channel?: AlertChannel;
  types: AlertChannelType[];
  team?: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { open, channel, types, team, onClose, onSaved } = props;
  const api = useApi(bisonApiRef);
  const { sending, serverError, reset, submit } = useSubmission();
  const [type, setType] = useState(channel?.type ?? types[0]?.type ?? '');
  const [name, setName] = useState(channel?.name ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const fields = CHANNEL_FIELDS[type];
  const [values, setValues] = useState<FieldValues>({});

  useEffect(() => {
    if (!open) return;
    reset();
    setType(channel?.type ?? types[0]?.type ?? '');
    setName(channel?.name ?? '');
    setEnabled(channel?.enabled ?? true);
  }, [open, channel, types, reset]);

  useEffect(() => {
    setValues(
      fields
        ? initialValues(fields, channel?.settings)
        : { settings: channel ? JSON.stringify(channel.settings) : '' },
    );
  }, [fields, channel]);

  const shownFields = useMemo(() => fields ?? JSON_FIELDS, [fields]);

  async function save() {
    const ok = await submit(async () => {
      const { settings, secrets } = fields
        ? toRequest(fields, values)
        : parseJsonFields(values);
      if (channel) {
        await api.updateAlertChannel(channel.id, {
          name,
          enabled,
          ...(settings ? { settings } : {}),
          ...(secrets && Object.keys(secrets).length > 0 ? { secrets } : {}),
        });
      } else {
        await api.createAlertChannel({
          name,
          type,
          ...(team ? { team } : {}),
          ...(settings ? { settings } : {}),
          ...(secrets ? { secrets } : {}),
        });
      }
    });
    if (ok) {
      onSaved();
      onClose();
    }
  }

  const secretHelp = (field: ChannelField) =>
    channel?.hasSecret ? 'Stored; leave empty to keep it' : field.helperText;

  return (
    <FormDialog
      open={open}
      titleId="bison-alert-channel-title"
      title={channel ? `Edit ${channel.name}` : 'Add an alert channel'}
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel={channel ? 'Save' : 'Add channel'}
      submitDisabled={!name.trim() || !type}
      onClose={onClose}
      onSubmit={save}
    >
      <TextField
        id="bison-alert-channel-name"
        label="Name"
        value={name}
        onChange={e => setName(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        id="bison-alert-channel-type"
        select
        label="Type"
        value={type}
        onChange={e => setType(e.target.value)}
        fullWidth
        margin="dense"
        disabled={!!channel}
      >
        {types.map(t => (
          <MenuItem key={t.type} value={t.type}>
            {t.title}
          </MenuItem>
        ))}
      </TextField>
      {shownFields.map(field =>
        field.input === 'switch' ? (
          <FormControlLabel
            key={field.name}
            control={
              <Switch
                checked={Boolean(values[field.name])}
                onChange={e =>
                  setValues(v => ({ ...v, [field.name]: e.target.checked }))
                }
                color="primary"
              />
            }
            label={field.label}
          />
        ) : (
          <TextField
            key={field.name}
            id={`bison-alert-channel-${field.name}`}
            label={field.label}
            value={String(values[field.name] ?? '')}
            onChange={e =>
              setValues(v => ({ ...v, [field.name]: e.target.value }))
            }
            type={inputType(field)}
            required={field.required && !(channel && field.group === 'secrets')}
            helperText={
              field.group === 'secrets' ? secretHelp(field) : field.helperText
            }
            autoComplete={field.masked ? 'new-password' : 'off'}
            inputProps={
              field.input === 'secret' ? { spellCheck: false } : undefined
            }
            fullWidth
            margin="dense"
          />
        ),
      )}
      {channel && (
        <FormControlLabel
          control={
            <Switch
              checked={enabled}
              onChange={e => setEnabled(e.target.checked)}
              color="primary"
            />
          }
          label="Enabled"
        />
      )}
    </FormDialog>
  );
}
