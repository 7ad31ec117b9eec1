export interface Config {
  /** The demo app's example permission policy for Bison. */
  bisonPolicy?: {
    /** Group entity refs whose members may do everything in Bison. */
    adminGroups?: string[];
    /** Group entity refs whose members read every team, recharge wallets and read reports. */
    financeGroups?: string[];
  };
}
