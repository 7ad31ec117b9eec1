import { slackChannel, slackMessage } from './slack';
import {
  channelContext,
  issuePaths,
  Receiver,
  sampleNotice,
  startReceiver,
} from './__testUtils__/channelTestContext';

interface SlackBlock {
  type: string;
  text?: { text: string };
  fields?: Array<{ text: string }>;
}

describe('slackChannel', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const send = (notice = sampleNotice()) =>
    slackChannel.send(
      notice,
      channelContext({}, { webhookUrl: `${receiver.url}/services/T1/B1/x` }),
    );

  it('posts text and Block Kit blocks, and succeeds on `ok`', async () => {
    receiver.answer(200, 'ok', { 'content-type': 'text/html' });
    await expect(send()).resolves.toEqual({ status: 200 });

    const [request] = receiver.requests;
    expect(request.headers['content-type']).toBe('application/json');
    const message = JSON.parse(request.body);
    expect(message.text).toBe('[CRITICAL] ML Team: balance below 100.00 USD');
    expect(message.blocks).toEqual([
      {
        type: 'header',
        text: { type: 'plain_text', text: 'ML Team: balance below 100.00 USD' },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'ML Team: balance below 100.00 USD. Recharge soon &lt;now&gt; &amp; often.',
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Balance*\n42.10 USD' },
          { type: 'mrkdwn', text: '*State*\nactive' },
        ],
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '*Severity:* Critical' },
          { type: 'mrkdwn', text: '*Status:* Firing' },
          {
            type: 'mrkdwn',
            text: '<!date^1796205600^{date_short_pretty} {time}|2026-12-02T10:00:00.000Z>',
          },
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'open',
            text: { type: 'plain_text', text: 'Open in Backstage' },
            url: 'https://backstage.example.com/bison/teams/ml-team',
            style: 'primary',
          },
        ],
      },
    ]);
  });

  it('fails for good when Slack answers anything but `ok`', async () => {
    receiver.answer(200, 'invalid_token');
    const error = await send().catch(e => e);
    expect(error).toMatchObject({ status: 200, retryable: false });
    expect(error.message).toBe('Slack answered HTTP 200: invalid_token');

    receiver.answer(403, 'invalid_token');
    await expect(send()).rejects.toMatchObject({
      status: 403,
      retryable: false,
      message: 'Slack answered HTTP 403: invalid_token',
    });
    receiver.answer(404, 'channel_not_found');
    await expect(send()).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
  });

  it('retries when rate limited, after Retry-After', async () => {
    receiver.answer(429, '{"ok":false}', { 'retry-after': '3' });
    await expect(send()).rejects.toMatchObject({
      status: 429,
      retryable: true,
      retryAfterSeconds: 3,
    });
  });

  describe('slackMessage', () => {
    it('keeps to the Block Kit limits', () => {
      const message = slackMessage(
        sampleNotice({
          title: 'T'.repeat(400),
          summary: '<'.repeat(5000),
          facts: Array.from({ length: 14 }, (_, i) => ({
            label: `L${i}`,
            value: '&'.repeat(3000),
          })),
          link: undefined,
        }),
      ) as { blocks: SlackBlock[] };
      const [header, section, fields, context] = message.blocks;
      expect(header.text?.text).toHaveLength(150);
      expect(section.text?.text.length).toBeLessThanOrEqual(3000);
      expect(section.text?.text).toMatch(/^(&lt;)+…$/);
      expect(fields.fields).toHaveLength(10);
      for (const field of fields.fields ?? []) {
        expect(field.text.length).toBeLessThanOrEqual(2000);
        expect(field.text).toMatch(/(&amp;)+…$/);
      }
      expect(context.type).toBe('context');
      expect(message.blocks.map(b => b.type)).not.toContain('actions');
    });

    it('leaves out the fields section when there are no facts', () => {
      const message = slackMessage(sampleNotice({ facts: [] })) as {
        blocks: SlackBlock[];
      };
      expect(message.blocks.filter(b => b.fields)).toEqual([]);
    });
  });

  it('requires an http(s) webhook URL', () => {
    expect(
      issuePaths(slackChannel.secretsSchema, {
        webhookUrl: 'https://hooks.slack.com/services/T1/B1/x',
      }),
    ).toEqual([]);
    expect(
      issuePaths(slackChannel.secretsSchema, {
        webhookUrl: 'ftp://hooks.slack.com/services/T1/B1/x',
      }),
    ).toEqual([['webhookUrl']]);
    expect(issuePaths(slackChannel.secretsSchema, {})).toEqual([
      ['webhookUrl'],
    ]);
  });
});
