import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AlertNotice,
  bisonAlertChannelsExtensionPoint,
} from '@bison/plugin-bison-node';
import { Server } from 'node:http';
import { z } from 'zod';
import { Webhook } from 'standardwebhooks';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  bisonApi,
  startPluginBackend,
} from '../__testUtils__/startPluginBackend';
import {
  SIGNING_SECRET,
  TEST_SECRET_KEY,
} from '../alerts/__testUtils__/deliveryFixture';
import { startReceiver } from '../alerts/channels/__testUtils__/channelTestContext';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TOKEN = 'tok-5e4d3c2b1a';

/** A module adding a channel type through the extension point. */
const pagerSent: Array<{ notice: AlertNotice; settings: unknown }> = [];
const pagerModule = createBackendModule({
  pluginId: 'bison',
  moduleId: 'pager-channel',
  register(env) {
    env.registerInit({
      deps: { channels: bisonAlertChannelsExtensionPoint },
      async init({ channels }) {
        channels.addChannelType({
          type: 'pager',
          title: 'Pager',
          settingsSchema: z.object({ service: z.string().min(1) }).strict(),
          secretsSchema: z.object({}).strict(),
          destinations: () => [],
          async send(notice, { settings }) {
            pagerSent.push({ notice, settings });
            return { status: 202 };
          },
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())('alert routes on %p', id => {
  let server: Server;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    const knex = await databases.init(id);
    receiver = await startReceiver();
    server = await startPluginBackend(knex, {
      groups: ['ml-team', 'data-team'],
      features: [pagerModule],
      bisonConfig: {
        alerts: { secretKey: TEST_SECRET_KEY, allowedHosts: ['127.0.0.1'] },
      },
    });
  });
  afterAll(() => receiver.close());
  beforeEach(() => receiver.answer(200, 'ok'));

  const api = () => bisonApi(server);
  const hookUrl = () => `${receiver.url}/hook?token=${TOKEN}`;
  const expectNoSecret = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SIGNING_SECRET.slice(6));
  };

  it('refuses bad channels with a 400 naming the field, and stores nothing', async () => {
    const cases: Array<[object, string]> = [
      [{ name: 'x', type: 'carrier-pigeon' }, "'type' must be one of"],
      [
        {
          type: 'webhook',
          secrets: { url: hookUrl(), signingSecret: SIGNING_SECRET },
        },
        "'name'",
      ],
      [
        { name: 'x', type: 'webhook', secrets: { url: hookUrl() } },
        'secrets.signingSecret',
      ],
      [
        {
          name: 'x',
          type: 'webhook',
          secrets: {
            url: 'https://10.0.0.8/in',
            signingSecret: SIGNING_SECRET,
          },
        },
        "'secrets.url' is refused",
      ],
      [
        {
          name: 'x',
          type: 'webhook',
          secrets: { url: 'https://[::1]/in', signingSecret: SIGNING_SECRET },
        },
        "'secrets.url' is refused",
      ],
      [
        {
          name: 'x',
          type: 'webhook',
          secrets: {
            url: 'http://hooks.example.com/in',
            signingSecret: SIGNING_SECRET,
          },
        },
        'only https is allowed',
      ],
      [
        {
          name: 'x',
          type: 'slack',
          secrets: { webhookUrl: hookUrl() },
          colour: 'red',
        },
        'colour',
      ],
      [
        {
          name: 'x',
          type: 'email',
          settings: { host: 'smtp.example.com', port: 'many', from: 'a@b.c' },
        },
        'settings.port',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await api().post('/alerts/channels').send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.message).toContain(message);
    }
    const list = await api().get('/alerts/channels');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect(list.body.types.map((t: { type: string }) => t.type)).toEqual(
      expect.arrayContaining([
        'webhook',
        'slack',
        'teams',
        'email',
        'dingtalk',
        'wecom',
      ]),
    );
  });

  it('keeps secrets write-only and keeps them through an update without them', async () => {
    const created = await api()
      .post('/alerts/channels')
      .send({
        name: 'Team hook',
        type: 'webhook',
        team: 'ml-team',
        secrets: { url: hookUrl(), signingSecret: SIGNING_SECRET },
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Team hook',
      type: 'webhook',
      team: 'ml-team',
      hasSecret: true,
      enabled: true,
      createdBy: 'user:default/alice',
    });
    expectNoSecret(created.body);
    const channelPath = `/alerts/channels/${created.body.id}`;

    const renamed = await api().patch(channelPath).send({ name: 'ML hook' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'ML hook', hasSecret: true });
    expectNoSecret(renamed.body);
    expectNoSecret((await api().get(channelPath)).body);
    expectNoSecret((await api().get('/alerts/channels')).body);

    const tested = await api().post(`${channelPath}/test`);
    expect(tested.body).toEqual({
      delivered: true,
      responseCode: 200,
      error: null,
    });
    const sent = receiver.requests[receiver.requests.length - 1];
    expect(sent.url).toBe(`/hook?token=${TOKEN}`);
    const event = new Webhook(SIGNING_SECRET).verify(
      sent.body,
      sent.headers as any,
    ) as any;
    expect(event.type).toBe('alert.test');

    const badUpdate = await api()
      .patch(channelPath)
      .send({ secrets: { url: 'https://169.254.169.254/latest' } });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.error.message).toContain("'secrets.url' is refused");
    await api().post(`${channelPath}/test`);
    expect(receiver.requests[receiver.requests.length - 1].url).toBe(
      `/hook?token=${TOKEN}`,
    );

    receiver.answer(404, 'no such hook');
    const failed = await api().post(`${channelPath}/test`);
    expect(failed.body).toMatchObject({ delivered: false, responseCode: 404 });
    expectNoSecret(failed.body);

    expect((await api().delete(channelPath)).status).toBe(204);
    expect((await api().get(channelPath)).status).toBe(404);
  });

  it('sends through a channel type a module added', async () => {
    pagerSent.length = 0;
    const types = (await api().get('/alerts/channels')).body.types;
    expect(types).toContainEqual({ type: 'pager', title: 'Pager' });
    const refused = await api()
      .post('/alerts/channels')
      .send({ name: 'Pager', type: 'pager', settings: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('settings.service');
    const created = await api()
      .post('/alerts/channels')
      .send({ name: 'Pager', type: 'pager', settings: { service: 'ops' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      hasSecret: false,
      settings: { service: 'ops' },
    });
    const tested = await api().post(`/alerts/channels/${created.body.id}/test`);
    expect(tested.body).toEqual({
      delivered: true,
      responseCode: 202,
      error: null,
    });
    expect(pagerSent).toEqual([
      {
        settings: { service: 'ops' },
        notice: expect.objectContaining({ test: true, status: 'event' }),
      },
    ]);
  });

  it('saves rules, refusing bad ones by field', async () => {
    const initial = await api().get('/alerts/rules');
    expect(initial.status).toBe(200);
    const percent = initial.body.rules.find(
      (r: { kind: string }) => r.kind === 'low-balance-percent',
    );
    expect(percent.thresholds).toEqual({ levels: [50, 25, 10] });

    const bad = await api()
      .put('/alerts/rules')
      .send({
        rules: [
          {
            id: 'low',
            kind: 'low-balance-percent',
            thresholds: { levels: [50, 250] },
          },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('rules.0.thresholds.levels.1');
    expect((await api().get('/alerts/rules')).body).toEqual(initial.body);

    const saved = await api()
      .put('/alerts/rules')
      .send({
        rules: [
          {
            id: 'low',
            kind: 'low-balance',
            thresholds: { below: '25.5' },
            repeatMinutes: 60,
            teams: ['ml-team'],
          },
          { id: 'suspended', kind: 'suspended' },
        ],
      });
    expect(saved.status).toBe(200);
    expect(saved.body.rules[0]).toMatchObject({
      id: 'low',
      thresholds: { below: '25.50' },
      repeatMinutes: 60,
      teams: ['ml-team'],
    });
    expect((await api().get('/alerts/rules')).body).toEqual(saved.body);
  });

  it('pages the history and the team alerts, refusing a bad cursor', async () => {
    const history = await api().get('/alerts/history?status=failed');
    expect(history.status).toBe(200);
    expect(history.body).toEqual({ items: [], nextCursor: null });
    const bad = await api().get('/alerts/history?cursor=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'cursor'");
    const team = await api().get('/teams/ml-team/alerts');
    expect(team.status).toBe(200);
    expect(team.body).toEqual({
      firing: [],
      history: { items: [], nextCursor: null },
    });
  });
});
