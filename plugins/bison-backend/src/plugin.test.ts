import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { bisonPlugin } from './plugin';

describe('bisonPlugin', () => {
  async function startBackend(config: object = {}) {
    const { server } = await startTestBackend({
      features: [
        bisonPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return server;
  }

  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/bison/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('rejects unauthenticated requests to every other route', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/bison/settings')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('serves the configured settings to users', async () => {
    const server = await startBackend({
      bison: {
        currency: { code: 'EUR', symbol: '€', minorUnits: 2 },
        reports: { timeZone: 'Europe/Berlin' },
      },
    });
    const res = await request(server)
      .get('/api/bison/settings')
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      currency: { code: 'EUR', symbol: '€', minorUnits: 2 },
      billingWindowMinutes: 60,
      reportsTimeZone: 'Europe/Berlin',
    });
  });

  it('publishes its OpenAPI document', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/bison/openapi.json')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('bison');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/bison/health', '/api/bison/settings']),
    );
  });

  it('rejects requests that are not in the OpenAPI document', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/bison/settings')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });

  it('refuses to start with an invalid currency', async () => {
    await expect(
      startBackend({ bison: { currency: { code: 'dollars' } } }),
    ).rejects.toThrow(/bison.currency.code/);
  });
});
