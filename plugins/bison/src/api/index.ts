export { bisonApiRef } from './BisonApi';
export type { BisonApi } from './BisonApi';
export { BisonClient } from './BisonClient';
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
  TransactionPage,
  TransactionQuery,
  Wallet,
  WalletSummary,
} from './types';
