import { weComChannel } from './wecom';
import { utf8Length } from './noticeText';
import {
  channelContext,
  issuePaths,
  Receiver,
  sampleNotice,
  startReceiver,
} from './__testUtils__/channelTestContext';

describe('weComChannel', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
    receiver.answer(200, '{"errcode":0,"errmsg":"ok"}');
  });
  afterEach(() => receiver.close());

  const send = (notice = sampleNotice()) =>
    weComChannel.send(
      notice,
      channelContext(
        {},
        { webhookUrl: `${receiver.url}/cgi-bin/webhook/send?key=k-123` },
      ),
    );

  it('posts markdown content to the robot URL', async () => {
    await expect(send()).resolves.toEqual({ status: 200 });
    const [request] = receiver.requests;
    expect(request.url).toBe('/cgi-bin/webhook/send?key=k-123');
    expect(JSON.parse(request.body)).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: [
          '### ML Team: balance below 100.00 USD',
          '> <font color="warning">Critical · Firing · 2026-12-02T10:00:00.000Z</font>',
          'ML Team: balance below 100.00 USD. Recharge soon <now> & often.',
          '- **Balance:** 42.10 USD\n- **State:** active',
          '[Open in Backstage](https://backstage.example.com/bison/teams/ml-team)',
        ].join('\n\n'),
      },
    });
  });

  it('cuts CJK content to 4096 bytes on a character boundary', async () => {
    await send(
      sampleNotice({
        title: '团队余额不足',
        summary: '余额低于上次充值的百分之二十五。'.repeat(200),
        facts: [{ label: '余额', value: '一千二百三十四' }],
      }),
    );
    const { content } = JSON.parse(receiver.requests[0].body).markdown;
    expect(utf8Length(content)).toBeLessThanOrEqual(4096);
    expect(utf8Length(content)).toBeGreaterThan(4000);
    expect(content).not.toContain('\ufffd');
    expect(content.startsWith('### 团队余额不足')).toBe(true);
    expect(content).toContain('…');
    expect(
      content.endsWith(
        '[Open in Backstage](https://backstage.example.com/bison/teams/ml-team)',
      ),
    ).toBe(true);
  });

  it('maps errcodes: 45009 retryable after 60 s, others final', async () => {
    receiver.answer(200, '{"errcode":45009,"errmsg":"api freq out of limit"}');
    await expect(send()).rejects.toMatchObject({
      retryable: true,
      retryAfterSeconds: 60,
    });
    receiver.answer(200, '{"errcode":93000,"errmsg":"invalid webhook url"}');
    const error = await send().catch(e => e);
    expect(error).toMatchObject({
      retryable: false,
      message: 'WeCom answered errcode 93000: invalid webhook url',
    });
    expect(error.message).not.toContain('k-123');
    receiver.answer(503, 'busy');
    await expect(send()).rejects.toMatchObject({
      status: 503,
      retryable: true,
    });
  });

  it('requires an http(s) URL with a key', () => {
    expect(
      issuePaths(weComChannel.secretsSchema, {
        webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      }),
    ).toEqual([]);
    expect(
      issuePaths(weComChannel.secretsSchema, {
        webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
      }),
    ).toEqual([['webhookUrl']]);
    expect(
      issuePaths(weComChannel.secretsSchema, {
        webhookUrl: 'ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      }),
    ).toEqual([['webhookUrl']]);
  });
});
