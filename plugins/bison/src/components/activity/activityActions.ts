/**
 * The actions the backend records in the activity log (the ids of its
 * audited changes and of its own jobs), as the activity page names them.
 * The API does not list them; an action missing here shows its id.
 */
export const ACTIVITY_ACTIONS: Record<string, string> = {
  'team-create': 'Team created',
  'team-update': 'Team updated',
  'team-delete': 'Team deleted',
  'team-suspend': 'Team suspended',
  'team-resume': 'Team resumed',
  'enforcement-settings': 'Enforcement settings changed',
  'wallet-recharge': 'Wallet recharged',
  'wallet-adjust': 'Wallet adjusted',
  'wallet-auto-recharge-update': 'Auto-recharge changed',
  'wallet-state': 'Wallet state changed',
  'team-quota-update': 'Team quota changed',
  'project-create': 'Project created',
  'project-update': 'Project updated',
  'project-delete': 'Project deleted',
  'project-quota-update': 'Project quota changed',
  'node-assign': 'Node assigned',
  'node-release': 'Node released',
  'prices-update': 'Prices changed',
  'billing-run': 'Billing run',
  'reconciliation-check': 'Reconciliation check',
  'reconciliation-settle': 'Reconciliation difference settled',
  'alert-channel-create': 'Alert channel created',
  'alert-channel-update': 'Alert channel updated',
  'alert-channel-delete': 'Alert channel deleted',
  'alert-rules-update': 'Alert rules changed',
  'alert-delivery-retry': 'Alert delivery retried',
};

/** An action as the page names it: 'Wallet recharged', else its id. */
export function actionLabel(action: string): string {
  return ACTIVITY_ACTIONS[action] ?? action;
}
