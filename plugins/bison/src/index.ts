/**
 * Bison frontend plugin: team wallets, Kubernetes usage costs, quotas and
 * projects inside the developer portal.
 *
 * @packageDocumentation
 */
export { bisonPlugin, BisonPage, EntityBisonContent } from './plugin';
export { bisonApiRef, BisonClient, TRANSACTION_KINDS } from './api';
export type {
  AdjustmentRequest,
  AutoRechargePolicy,
  AutoRechargePolicyInput,
  AutoRechargeSchedule,
  AutoRechargeThreshold,
  BisonApi,
  BisonCurrency,
  BisonSettings,
  BisonTeam,
  Money,
  PostingResult,
  RechargeRequest,
  Transaction,
  TransactionFilter,
  TransactionKind,
  TransactionPage,
  TransactionQuery,
  Wallet,
  WalletState,
  WalletSummary,
} from './api';
export {
  AutoRechargeForm,
  RechargeDialog,
  TeamWalletView,
  TransactionsTable,
  WalletCard,
  WalletStateChip,
} from './components/wallet';
export type {
  AutoRechargeFormProps,
  RechargeDialogProps,
  TransactionsTableProps,
  WalletCardProps,
} from './components/wallet';
