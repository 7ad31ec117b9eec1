// Re-enabling a policy starts its schedule afresh: the weeks it was disabled
// are not paid out afterwards.
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';

const databases = createTestDatabases();

it.each(databases.eachSupportedId())(
  're-enable resets effectiveFrom on %p',
  async id => {
    const knex = await databases.init(id);
    const server = await startPluginBackend(knex, { groups: ['ml-team'] });
    const put = (body: object) =>
      bisonApi(server).put('/teams/ml-team/wallet/auto-recharge').send(body);
    const scheduled = { every: 'week', weekday: 1, amount: '10.00' };
    const on = await put({ enabled: true, scheduled });
    await new Promise(r => setTimeout(r, 20));
    const off = await put({ enabled: false, scheduled });
    await new Promise(r => setTimeout(r, 20));
    const again = await put({ enabled: true, scheduled });
    expect(off.status).toBe(200);
    expect(Date.parse(again.body.effectiveFrom)).toBeGreaterThan(
      Date.parse(on.body.effectiveFrom),
    );
  },
);
