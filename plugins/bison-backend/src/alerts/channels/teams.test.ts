import { teamsChannel } from './teams';
import {
  channelContext,
  issuePaths,
  Receiver,
  sampleNotice,
  startReceiver,
} from './__testUtils__/channelTestContext';

describe('teamsChannel', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const send = (notice = sampleNotice()) =>
    teamsChannel.send(
      notice,
      channelContext({}, { webhookUrl: `${receiver.url}/workflows/x?sig=s` }),
    );

  it('posts an Adaptive Card message and takes 202 as success', async () => {
    receiver.answer(202, '');
    await expect(send()).resolves.toEqual({ status: 202 });

    const message = JSON.parse(receiver.requests[0].body);
    expect(message).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              {
                type: 'TextBlock',
                text: 'ML Team: balance below 100.00 USD',
                weight: 'Bolder',
                size: 'Medium',
                wrap: true,
                color: 'Attention',
              },
              {
                type: 'TextBlock',
                text: 'ML Team: balance below 100.00 USD. Recharge soon <now> & often.',
                wrap: true,
              },
              {
                type: 'FactSet',
                facts: [
                  { title: 'Balance', value: '42.10 USD' },
                  { title: 'State', value: 'active' },
                ],
              },
              {
                type: 'TextBlock',
                text: 'Critical · Firing · 2026-12-02T10:00:00.000Z',
                isSubtle: true,
                size: 'Small',
                wrap: true,
              },
            ],
            actions: [
              {
                type: 'Action.OpenUrl',
                title: 'Open in Backstage',
                url: 'https://backstage.example.com/bison/teams/ml-team',
              },
            ],
          },
        },
      ],
    });
  });

  it('colours warnings and accepts a 200', async () => {
    receiver.answer(200, '');
    await expect(
      send(sampleNotice({ severity: 'warning', link: undefined, facts: [] })),
    ).resolves.toEqual({ status: 200 });
    const { content } = JSON.parse(receiver.requests[0].body).attachments[0];
    expect(content.body[0].color).toBe('Warning');
    expect(content.body.map((block: { type: string }) => block.type)).toEqual([
      'TextBlock',
      'TextBlock',
      'TextBlock',
    ]);
    expect(content.actions).toEqual([]);
  });

  it('maps failures: 429 retryable with Retry-After, 404 final', async () => {
    receiver.answer(429, '', { 'retry-after': '12' });
    await expect(send()).rejects.toMatchObject({
      status: 429,
      retryable: true,
      retryAfterSeconds: 12,
    });
    receiver.answer(404, 'gone');
    await expect(send()).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
    receiver.answer(502, '');
    await expect(send()).rejects.toMatchObject({
      status: 502,
      retryable: true,
    });
  });

  it('requires an https webhook URL', () => {
    expect(
      issuePaths(teamsChannel.secretsSchema, {
        webhookUrl: 'ftp://x.example/y',
      }),
    ).toEqual([['webhookUrl']]);
  });
});
