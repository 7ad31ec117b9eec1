import { CHANNEL_FIELDS, initialValues, toRequest } from './channelFields';

describe('channel fields', () => {
  it("starts from a channel's settings with empty secrets", () => {
    const values = initialValues(CHANNEL_FIELDS.email, {
      host: 'smtp.example.com',
      port: 2525,
      to: ['a@example.com', 'b@example.com'],
      toTeamGroup: false,
    });
    expect(values).toMatchObject({
      host: 'smtp.example.com',
      port: '2525',
      to: 'a@example.com, b@example.com',
      toTeamGroup: false,
      requireTLS: true,
      username: '',
      password: '',
    });
  });

  it('sends numbers, lists and switches, and leaves empty secrets out', () => {
    const request = toRequest(CHANNEL_FIELDS.email, {
      host: ' smtp.example.com ',
      port: '465',
      secure: true,
      requireTLS: false,
      from: 'bison@example.com',
      to: 'a@example.com, , b@example.com',
      toTeamGroup: true,
      username: '',
      password: '',
    });
    expect(request).toEqual({
      settings: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        requireTLS: false,
        from: 'bison@example.com',
        to: ['a@example.com', 'b@example.com'],
        toTeamGroup: true,
      },
      secrets: {},
    });
    expect(
      toRequest(CHANNEL_FIELDS.webhook, {
        url: 'https://x.example/in',
        signingSecret: '',
      }),
    ).toEqual({ settings: {}, secrets: { url: 'https://x.example/in' } });
  });
});
