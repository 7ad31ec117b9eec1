// Re-enabling a policy starts its schedule afresh: the weeks it was disabled
// are not paid out afterwards.
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { bisonPlugin } from '../plugin';

const databases = createTestDatabases();
const alice = mockCredentials.user.header('user:default/alice');

it.each(databases.eachSupportedId())(
  're-enable resets effectiveFrom on %p',
  async id => {
    const knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        bisonPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'ml-team', namespace: 'default' },
              spec: { type: 'team', children: [] },
            },
          ],
        }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            bison: { currency: { code: 'USD', symbol: '$', minorUnits: 2 } },
          },
        }),
      ],
    });
    const put = (body: object) =>
      request(server)
        .put('/api/bison/teams/ml-team/wallet/auto-recharge')
        .set('Authorization', alice)
        .send(body);
    await request(server)
      .post('/api/bison/teams')
      .set('Authorization', alice)
      .send({ name: 'ml-team', groupRef: 'group:default/ml-team' });
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
