import { AlertDeliveryError } from '@bison/plugin-bison-node';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { webhookChannel } from './webhook';
import {
  channelContext,
  issuePaths,
  Receiver,
  sampleNotice,
  startReceiver,
} from './__testUtils__/channelTestContext';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

describe('webhookChannel', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const send = (notice = sampleNotice()) =>
    webhookChannel.send(
      notice,
      channelContext(
        {},
        { url: `${receiver.url}/hook`, signingSecret: secret },
      ),
    );

  it('posts a Standard Webhooks message that verifies with the secret', async () => {
    receiver.answer(204, '');
    const before = Math.floor(Date.now() / 1000);
    await expect(send()).resolves.toEqual({ status: 204 });

    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hook');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-id']).toBe(sampleNotice().id);
    const timestamp = Number(request.headers['webhook-timestamp']);
    expect(Number.isInteger(timestamp)).toBe(true);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(request.headers['webhook-signature']).toMatch(
      /^v1,[A-Za-z0-9+/]+=*$/,
    );

    const headers = request.headers as Record<string, string>;
    const verified = new Webhook(secret).verify(request.body, headers);
    expect(verified).toEqual({
      type: 'alert.firing',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: sampleNotice(),
    });
    const tampered = request.body.replace('42.10', '42.11');
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
    const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
    expect(() =>
      new Webhook(otherSecret).verify(request.body, headers),
    ).toThrow();
  });

  it('types the event by status, and test sends as alert.test', async () => {
    await send(sampleNotice({ status: 'resolved', severity: 'info' }));
    await send(sampleNotice({ status: 'event', test: true }));
    expect(receiver.requests.map(r => JSON.parse(r.body).type)).toEqual([
      'alert.resolved',
      'alert.test',
    ]);
  });

  it('retries a 429 after the Retry-After seconds', async () => {
    receiver.answer(429, 'busy', { 'retry-after': '7' });
    const error = await send().catch(e => e);
    expect(error).toBeInstanceOf(AlertDeliveryError);
    expect(error).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterSeconds: 7,
    });
  });

  it('fails a 404 and a 410 for good, without naming the URL', async () => {
    receiver.answer(404, 'not found');
    const error = await send().catch(e => e);
    expect(error).toMatchObject({ status: 404, retryable: false });
    expect(error.message).not.toContain('127.0.0.1');
    receiver.answer(410, '');
    await expect(send()).rejects.toMatchObject({
      status: 410,
      retryable: false,
    });
  });

  it('lists the URL as its destination', () => {
    expect(
      webhookChannel.destinations(
        {},
        { url: 'https://x.example/h', signingSecret: secret },
      ),
    ).toEqual(['https://x.example/h']);
  });

  describe('schemas', () => {
    it('accepts an https URL and a whsec_ secret', () => {
      expect(
        issuePaths(webhookChannel.secretsSchema, {
          url: 'https://hooks.example.com/bison',
          signingSecret: secret,
        }),
      ).toEqual([]);
      expect(issuePaths(webhookChannel.settingsSchema, {})).toEqual([]);
    });

    it('names the field of each bad secret', () => {
      expect(
        issuePaths(webhookChannel.secretsSchema, {
          url: 'file:///etc/passwd',
          signingSecret: secret,
        }),
      ).toEqual([['url']]);
      expect(
        issuePaths(webhookChannel.secretsSchema, {
          url: 'not a url',
          signingSecret: secret,
        }),
      ).toEqual([['url']]);
      for (const signingSecret of [
        randomBytes(32).toString('base64'),
        `whsec_${randomBytes(16).toString('base64')}`,
        'whsec_not*base64*at*all*not*base64*at*all*',
        '',
      ]) {
        expect(
          issuePaths(webhookChannel.secretsSchema, {
            url: 'https://hooks.example.com/bison',
            signingSecret,
          }),
        ).toEqual([['signingSecret']]);
      }
    });

    it('refuses unknown settings', () => {
      expect(
        issuePaths(webhookChannel.settingsSchema, { extra: 1 }),
      ).toHaveLength(1);
    });
  });
});
