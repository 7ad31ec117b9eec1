import { EnforcementMode } from '../../api';
import { SettingKey } from './enforcementForm';

/** The settings in the order they are shown, with what each one decides. */
export const SETTINGS: {
  key: SettingKey;
  label: string;
  hint: string;
  /** The unit a number is typed in. */
  unit?: string;
}[] = [
  {
    key: 'mode',
    label: 'Mode',
    hint: 'Whether suspending changes the cluster',
  },
  { key: 'lowBalance', label: 'Low balance', hint: 'Low below this balance' },
  {
    key: 'lowRunwayDays',
    label: 'Low runway',
    unit: 'days',
    hint: 'Low when the funds last fewer days at the burn rate',
  },
  {
    key: 'creditLimit',
    label: 'Credit limit',
    hint: 'How far below zero the balance may go before the team is overdue',
  },
  {
    key: 'graceHours',
    label: 'Grace period',
    unit: 'hours',
    hint: 'From becoming overdue to suspension',
  },
  {
    key: 'resumeBalance',
    label: 'Resume balance',
    hint: 'A suspended team resumes once a recharge brings its balance here',
  },
  {
    key: 'steps',
    label: 'Suspension steps',
    hint: 'What suspending does in the cluster',
  },
];

export const MODE_LABELS: Record<EnforcementMode, string> = {
  enforce: 'Enforce: suspending stops workloads',
  warn: 'Warn only: nothing changes in the cluster',
};
