/**
 * The form of each built-in channel type: which fields are settings
 * (returned by the API) and which are secrets (write-only). Types a module
 * adds get JSON fields instead.
 */
export interface ChannelField {
  name: string;
  label: string;
  group: 'settings' | 'secrets';
  input: 'text' | 'secret' | 'number' | 'switch' | 'list';
  /** Typed without showing it (keys and passwords; URLs stay readable). */
  masked?: boolean;
  required?: boolean;
  helperText?: string;
  defaultValue?: string | boolean;
}

const webhookUrl = (helperText: string): ChannelField => ({
  name: 'webhookUrl',
  label: 'Webhook URL',
  group: 'secrets',
  input: 'secret',
  required: true,
  helperText,
});

export const CHANNEL_FIELDS: Record<string, ChannelField[]> = {
  webhook: [
    {
      name: 'url',
      label: 'URL',
      group: 'secrets',
      input: 'secret',
      required: true,
      helperText: 'https:// endpoint that receives the signed JSON events',
    },
    {
      name: 'signingSecret',
      label: 'Signing secret',
      group: 'secrets',
      input: 'secret',
      masked: true,
      required: true,
      helperText:
        'whsec_ followed by a base64 key of at least 24 bytes (Standard Webhooks)',
    },
  ],
  slack: [webhookUrl('https://hooks.slack.com/services/…')],
  teams: [
    webhookUrl('The URL of a Teams Workflows "post to a channel" webhook'),
  ],
  dingtalk: [
    webhookUrl('https://oapi.dingtalk.com/robot/send?access_token=…'),
    {
      name: 'signingSecret',
      label: 'Signing secret',
      group: 'secrets',
      input: 'secret',
      masked: true,
      helperText: "The robot's SEC… secret, when it signs requests",
    },
  ],
  wecom: [webhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…')],
  email: [
    {
      name: 'host',
      label: 'SMTP host',
      group: 'settings',
      input: 'text',
      required: true,
    },
    {
      name: 'port',
      label: 'Port',
      group: 'settings',
      input: 'number',
      defaultValue: '587',
    },
    {
      name: 'secure',
      label: 'TLS from the start (port 465)',
      group: 'settings',
      input: 'switch',
      defaultValue: false,
    },
    {
      name: 'requireTLS',
      label: 'Require STARTTLS',
      group: 'settings',
      input: 'switch',
      defaultValue: true,
    },
    {
      name: 'from',
      label: 'From',
      group: 'settings',
      input: 'text',
      required: true,
    },
    {
      name: 'to',
      label: 'To',
      group: 'settings',
      input: 'list',
      helperText: 'Addresses separated by commas',
    },
    {
      name: 'toTeamGroup',
      label: "Also to the team Group's e-mail from the catalog",
      group: 'settings',
      input: 'switch',
      defaultValue: true,
    },
    {
      name: 'username',
      label: 'Username',
      group: 'secrets',
      input: 'secret',
    },
    {
      name: 'password',
      label: 'Password',
      group: 'secrets',
      input: 'secret',
      masked: true,
    },
  ],
};

export type FieldValues = Record<string, string | boolean>;

/** The form's starting values: a channel's settings, empty secrets. */
export function initialValues(
  fields: ChannelField[],
  settings: Record<string, unknown> = {},
): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    const stored =
      field.group === 'settings' ? settings[field.name] : undefined;
    if (field.input === 'switch') {
      values[field.name] =
        typeof stored === 'boolean' ? stored : Boolean(field.defaultValue);
    } else if (Array.isArray(stored)) {
      values[field.name] = stored.join(', ');
    } else {
      values[field.name] =
        stored !== undefined
          ? String(stored)
          : String(field.defaultValue ?? '');
    }
  }
  return values;
}

/**
 * Settings and secrets as the API takes them. Empty secret fields are left
 * out, so an update keeps the stored ones.
 */
export function toRequest(
  fields: ChannelField[],
  values: FieldValues,
): { settings: Record<string, unknown>; secrets: Record<string, unknown> } {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    const target = field.group === 'settings' ? settings : secrets;
    if (field.input === 'switch') {
      target[field.name] = Boolean(value);
      continue;
    }
    const text = String(value ?? '').trim();
    if (text === '') continue;
    if (field.input === 'number') target[field.name] = Number(text);
    else if (field.input === 'list') {
      target[field.name] = text
        .split(',')
        .map(item => item.trim())
        .filter(Boolean);
    } else target[field.name] = text;
  }
  return { settings, secrets };
}
