/**
 * Bison frontend plugin: team wallets, Kubernetes usage costs, quotas and
 * projects inside the developer portal.
 *
 * @packageDocumentation
 */
export {
  bisonPlugin,
  BisonPage,
  EntityBisonContent,
  EntityBisonProjectCard,
} from './plugin';
export { isBisonProjectAvailable } from './components/EntityBisonProjectCard/isBisonProjectAvailable';
export * from './api';
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
