import { TransactionKind } from '@bison/plugin-bison-common';

/** Display names of the ledger entry kinds. */
export const KIND_LABELS: Record<TransactionKind, string> = {
  recharge: 'Recharge',
  usage: 'Usage',
  auto_recharge: 'Auto-recharge',
  adjustment: 'Adjustment',
  refund: 'Refund',
  import: 'Import',
};
