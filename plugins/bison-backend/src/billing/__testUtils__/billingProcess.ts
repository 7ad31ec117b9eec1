/*
 * A billing "backend process" for the crash test: bills the scenario on the
 * database named by BISON_BILLING_DB (knex config as JSON) until it is killed.
 * Run with `node --require @backstage/cli/config/nodeTransform.cjs`.
 */
import knexFactory, { Knex } from 'knex';
import { TeamStore } from '../../tenancy/TeamStore';
import { LedgerWriter } from '../../wallet/LedgerWriter';
import { WalletService } from '../../wallet/WalletService';
import { WalletStore } from '../../wallet/WalletStore';
import { BillingEngine } from '../BillingEngine';
import { BillingStore } from '../BillingStore';
import { PriceBookStore } from '../prices/PriceBookStore';
import {
  HOUR,
  SCENARIO_NAMESPACES,
  SCENARIO_NOW,
  SCENARIO_START,
  ScenarioSource,
} from './billingScenario';
import { fixedNamespaceOwners } from '../NamespaceOwners';

/** Holds every transaction open a while after its writes, before commit. */
class SlowCommitLedger extends LedgerWriter {
  async postAll(...args: Parameters<LedgerWriter['postAll']>) {
    await super.postAll(...args);
    await new Promise(resolve => setTimeout(resolve, 40));
  }
}

async function main() {
  const knex: Knex = knexFactory(JSON.parse(process.env.BISON_BILLING_DB!));
  const teams = new TeamStore(knex);
  const ml = (await teams.getTeam('ml-team'))!;
  const data = (await teams.getTeam('data-team'))!;
  const ledger = new SlowCommitLedger();
  const wallets = new WalletService(knex, new WalletStore(knex), ledger);
  const silent = () => {};
  const engine = new BillingEngine({
    knex,
    store: new BillingStore(knex),
    prices: new PriceBookStore(knex),
    ledger,
    wallets,
    owners: fixedNamespaceOwners(
      new Map([
        [SCENARIO_NAMESPACES.ml, ml],
        [SCENARIO_NAMESPACES.data, data],
      ]),
    ),
    source: () => new ScenarioSource(),
    logger: { info: silent, warn: silent, error: silent, debug: silent } as any,
    windowMs: HOUR,
    settleDelayMs: 5 * 60_000,
    firstWindowStart: SCENARIO_START,
    maxWindowsPerRun: 1000,
    teamsPerTransaction: 1,
  });
  process.stdout.write('ready\n');
  await engine.run({ now: SCENARIO_NOW, trigger: 'schedule' });
  process.stdout.write('finished\n');
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
