/*
 * A backend process for the ladder crash test: runs the unfinished
 * suspensions of the database named by BISON_LADDER_DB (knex config as JSON)
 * against the test cluster, as the token BISON_LADDER_TOKEN, slowly, until it
 * is killed or done. Run with `node --require @backstage/cli/config/nodeTransform.cjs`.
 */
import knexFactory from 'knex';
import { kubeConfigFor } from '../../__testUtils__/kubernetes/testCluster';
import { KubernetesApi } from '../../kubernetes/KubernetesApi';
import { WorkloadApi } from '../../kubernetes/WorkloadApi';
import { TeamStore } from '../../tenancy/TeamStore';
import { EnforcementStore } from '../EnforcementStore';
import { SuspensionLadder } from '../ladder/SuspensionLadder';
import { SuspensionRunner } from '../SuspensionRunner';

const delay = () =>
  new Promise(resolve =>
    setTimeout(resolve, Number(process.env.BISON_LADDER_DELAY_MS ?? 0)),
  );

/** Every change of a workload takes a while, so a kill lands half-way. */
class SlowWorkloadApi extends WorkloadApi {
  async setReplicas(...args: Parameters<WorkloadApi['setReplicas']>) {
    await delay();
    return super.setReplicas(...args);
  }
  async setSuspend(...args: Parameters<WorkloadApi['setSuspend']>) {
    await delay();
    return super.setSuspend(...args);
  }
}

async function main() {
  const knex = knexFactory(JSON.parse(process.env.BISON_LADDER_DB!));
  const kc = kubeConfigFor(process.env.BISON_LADDER_TOKEN!);
  const store = new EnforcementStore(knex);
  const silent = () => {};
  const logger = { info: silent, warn: silent, error: silent, debug: silent };
  const runner = new SuspensionRunner(
    store,
    new TeamStore(knex),
    new SuspensionLadder(new KubernetesApi(kc), new SlowWorkloadApi(kc), store),
    logger as any,
    { leaseMs: Number(process.env.BISON_LADDER_LEASE_MS ?? 60_000) },
  );
  process.stdout.write('ready\n');
  await runner.runUnfinished();
  process.stdout.write('finished\n');
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
