export interface Config {
  auth?: {
    providers?: {
      /** The demo sign-in of packages/backend (development only). */
      guest?: {
        /** The user signed in by default. */
        userEntityRef: string;
        /** Users the x-bison-demo-user header may sign in as instead. */
        demoUsers?: string[];
      };
    };
  };
  /** The demo app's example permission policy for Bison. */
  bisonPolicy?: {
    /** Group entity refs whose members may do everything in Bison. */
    adminGroups?: string[];
    /** Group entity refs whose members read every team, recharge wallets and read reports. */
    financeGroups?: string[];
  };
}
