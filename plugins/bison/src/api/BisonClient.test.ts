import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BisonClient } from './BisonClient';

const baseUrl = 'http://backstage.test/api/bison';

describe('BisonClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new BisonClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('reads the settings from the backend', async () => {
    const settings = {
      currency: { code: 'USD', symbol: '$', minorUnits: 2 },
      billingWindowMinutes: 60,
    };
    server.use(
      http.get(`${baseUrl}/settings`, () => HttpResponse.json(settings)),
    );

    await expect(client.getSettings()).resolves.toEqual(settings);
  });

  it('turns error responses into ResponseError with the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/settings`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not for you' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    const error = await client.getSettings().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe('not for you');
  });
});
