//

export * from '../models/AdjustmentRequest.model';
export * from '../models/AutoRechargePolicy.model';
export * from '../models/AutoRechargePolicyInput.model';
export * from '../models/AutoRechargeSchedule.model';
export * from '../models/AutoRechargeThreshold.model';
export * from '../models/CreateTeamRequest.model';
export * from '../models/Currency.model';
export * from '../models/ErrorError.model';
export * from '../models/ErrorRequest.model';
export * from '../models/ErrorResponse.model';
export * from '../models/Health.model';
export * from '../models/ModelError.model';
export * from '../models/PostingResponse.model';
export * from '../models/RechargeRequest.model';
export * from '../models/Settings.model';
export * from '../models/Team.model';
export * from '../models/TeamList.model';
export * from '../models/Transaction.model';
export * from '../models/TransactionKind.model';
export * from '../models/TransactionPage.model';
export * from '../models/Wallet.model';
export * from '../models/WalletLastRecharge.model';
export * from '../models/WalletState.model';
export * from '../models/WalletSummary.model';
