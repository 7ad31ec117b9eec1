export { bisonApiRef } from './BisonApi';
export type { BisonApi } from './BisonApi';
export { BisonClient } from './BisonClient';
export { TRANSACTION_KINDS } from './types';
export type {
  AdjustmentRequest,
  AutoRechargePolicy,
  AutoRechargePolicyInput,
  AutoRechargeSchedule,
  AutoRechargeThreshold,
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
} from './types';
