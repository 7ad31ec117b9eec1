import AccountBalanceWalletIcon from '@material-ui/icons/AccountBalanceWallet';

/** The icon of the Bison plugin in navigation and headers. */
export function BisonIcon() {
  return <AccountBalanceWalletIcon fontSize="inherit" />;
}
