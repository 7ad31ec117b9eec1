import { createHmac } from 'node:crypto';
import { dingTalkChannel } from './dingtalk';
import { utf8Length } from './noticeText';
import {
  channelContext,
  issuePaths,
  Receiver,
  sampleNotice,
  startReceiver,
} from './__testUtils__/channelTestContext';

const signingSecret = 'SECb6a4f0c2d1e9+/=example';

describe('dingTalkChannel', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    receiver.answer(200, '{"errcode":0,"errmsg":"ok"}');
  });
  afterEach(() => receiver.close());

  const send = (notice = sampleNotice(), options = { signed: true }) =>
    dingTalkChannel.send(
      notice,
      channelContext(
        {},
        {
          webhookUrl: `${receiver.url}/robot/send?access_token=token123`,
          ...(options.signed ? { signingSecret } : {}),
        },
      ),
    );

  it('signs the URL with the timestamp and an HMAC encoded once', async () => {
    const before = Date.now();
    await expect(send()).resolves.toEqual({ status: 200 });
    const after = Date.now();

    const { url } = receiver.requests[0];
    const match = url.match(
      /^\/robot\/send\?access_token=token123&timestamp=(\d+)&sign=([^&]+)$/,
    );
    expect(match).not.toBeNull();
    const [, timestamp, sign] = match!;
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(after);
    const expected = createHmac('sha256', signingSecret)
      .update(`${timestamp}\n${signingSecret}`)
      .digest('base64');
    expect(new URL(url, 'http://x').searchParams.get('sign')).toBe(expected);
    expect(sign).toBe(encodeURIComponent(expected));
    expect(sign).not.toMatch(/%25/);
  });

  it('posts markdown with the notice id as msgUuid', async () => {
    await send();
    const body = JSON.parse(receiver.requests[0].body);
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: 'ML Team: balance below 100.00 USD',
        text: [
          '### ML Team: balance below 100.00 USD',
          '> Critical · Firing · 2026-12-02T10:00:00.000Z',
          'ML Team: balance below 100.00 USD. Recharge soon <now> & often.',
          '- **Balance:** 42.10 USD\n- **State:** active',
          '[Open in Backstage](https://backstage.example.com/bison/teams/ml-team)',
        ].join('\n\n'),
      },
      msgUuid: sampleNotice().id,
    });
  });

  it('sends the URL as given without a signing secret', async () => {
    await send(sampleNotice(), { signed: false });
    expect(receiver.requests[0].url).toBe('/robot/send?access_token=token123');
  });

  it('keeps the text under 20000 bytes', async () => {
    await send(sampleNotice({ summary: '余额'.repeat(10000) }));
    const { text } = JSON.parse(receiver.requests[0].body).markdown;
    expect(utf8Length(text)).toBeLessThanOrEqual(20000);
    expect(text).toContain('[Open in Backstage]');
  });

  it('maps errcodes: 130101 retryable after 60 s, others final', async () => {
    receiver.answer(
      200,
      '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}',
    );
    await expect(send()).rejects.toMatchObject({
      retryable: true,
      retryAfterSeconds: 60,
      message:
        'DingTalk answered errcode 130101: send too fast, exceed 20 times per minute',
    });
    receiver.answer(200, '{"errcode":310000,"errmsg":"sign not match"}');
    const error = await send().catch(e => e);
    expect(error).toMatchObject({
      retryable: false,
      message: 'DingTalk answered errcode 310000: sign not match',
    });
    expect(error.message).not.toContain('token123');
    expect(error.message).not.toContain(signingSecret);
    receiver.answer(200, '<html>proxy</html>');
    await expect(send()).rejects.toMatchObject({ retryable: false });
  });

  it('maps HTTP statuses before the body', async () => {
    receiver.answer(429, '', { 'retry-after': '5' });
    await expect(send()).rejects.toMatchObject({
      status: 429,
      retryable: true,
      retryAfterSeconds: 5,
    });
    receiver.answer(404, '');
    await expect(send()).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
  });

  it('validates the secrets by field', () => {
    const webhookUrl = 'https://oapi.dingtalk.com/robot/send?access_token=abc';
    expect(issuePaths(dingTalkChannel.secretsSchema, { webhookUrl })).toEqual(
      [],
    );
    expect(
      issuePaths(dingTalkChannel.secretsSchema, {
        webhookUrl,
        signingSecret: 'SECabc',
      }),
    ).toEqual([]);
    expect(
      issuePaths(dingTalkChannel.secretsSchema, {
        webhookUrl: 'https://oapi.dingtalk.com/robot/send',
      }),
    ).toEqual([['webhookUrl']]);
    expect(
      issuePaths(dingTalkChannel.secretsSchema, {
        webhookUrl,
        signingSecret: 'abc',
      }),
    ).toEqual([['signingSecret']]);
  });
});
