import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import { emailChannel, EmailSecrets, EmailSettings } from './email';
import {
  channelContext,
  issuePaths,
  sampleNotice,
} from './__testUtils__/channelTestContext';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', chunk => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : '',
          to: session.envelope.rcptTo.map(recipient => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** The message with quoted-printable parts decoded, for plain substring checks. */
function decodedText(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

function settingsFor(
  port: number,
  over: Partial<EmailSettings> = {},
): EmailSettings {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: false,
    from: 'bison@example.com',
    to: ['ops@example.com'],
    toTeamGroup: true,
    ...over,
  };
}

describe('emailChannel', () => {
  let server: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const send = (
    settings: EmailSettings,
    secrets: EmailSecrets = {},
    notice = sampleNotice(),
  ) => emailChannel.send(notice, channelContext(settings, secrets));

  it('sends a text and HTML message to the team and the listed addresses', async () => {
    server = await startSmtpServer();
    await expect(send(settingsFor(server.port))).resolves.toEqual({
      status: 250,
    });

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail.from).toBe('bison@example.com');
    expect(mail.to.sort()).toEqual(['ml-team@example.com', 'ops@example.com']);
    expect(mail.raw).toMatch(
      /^Subject: ML Team: balance below 100\.00 USD\r?$/m,
    );
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const [text, html] = decodedText(mail.raw).split(
      /Content-Type: text\/html/,
    );
    expect(text).toContain('Critical · Firing · 2026-12-02T10:00:00.000Z');
    expect(text).toContain('Recharge soon <now> & often.');
    expect(text).toContain('Balance: 42.10 USD');
    expect(text).toContain(
      'Open in Backstage: https://backstage.example.com/bison/teams/ml-team',
    );
    expect(html).toContain('<h2>ML Team: balance below 100.00 USD</h2>');
    expect(html).toContain('Recharge soon &lt;now&gt; &amp; often.');
    expect(html).toMatch(/<th[^>]*>Balance<\/th><td[^>]*>42\.10 USD<\/td>/);
    expect(html).toContain(
      '<a href="https://backstage.example.com/bison/teams/ml-team">Open in Backstage</a>',
    );
  });

  it('leaves out the team when toTeamGroup is off, and needs some recipient', async () => {
    server = await startSmtpServer();
    await send(settingsFor(server.port, { toTeamGroup: false }));
    expect(server.received[0].to).toEqual(['ops@example.com']);

    await expect(
      send(
        settingsFor(server.port, { to: [] }),
        {},
        sampleNotice({ team: null }),
      ),
    ).rejects.toMatchObject({
      retryable: false,
      message:
        "no recipient: the team's Group has no e-mail in the catalog and no addresses are listed",
    });
    expect(server.received).toHaveLength(1);
  });

  it('logs in with the username and password', async () => {
    const logins: Array<{ username?: string; password?: string | null }> = [];
    server = await startSmtpServer({
      authOptional: false,
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth, _session, callback) {
        logins.push({ username: auth.username, password: auth.password });
        if (auth.password !== 's3cret') {
          callback(new Error('Invalid username or password'));
          return;
        }
        callback(null, { user: auth.username });
      },
    });
    await expect(
      send(settingsFor(server.port), { username: 'bison', password: 's3cret' }),
    ).resolves.toEqual({ status: 250 });
    expect(logins).toEqual([{ username: 'bison', password: 's3cret' }]);

    const error = await send(settingsFor(server.port), {
      username: 'bison',
      password: 'wrong-password',
    }).catch(e => e);
    expect(error).toMatchObject({ status: 535, retryable: false });
    expect(error.message).not.toContain('wrong-password');
  });

  it('fails for good on a 550 and retries a 451', async () => {
    server = await startSmtpServer({
      onRcptTo(address, _session, callback) {
        callback(
          address.address === 'ops@example.com'
            ? smtpError('Mailbox unavailable', 550)
            : undefined,
        );
      },
    });
    await expect(
      send(settingsFor(server.port, { toTeamGroup: false })),
    ).rejects.toMatchObject({ status: 550, retryable: false });
    await server.close();

    server = await startSmtpServer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(smtpError('Try again later', 451)));
      },
    });
    await expect(send(settingsFor(server.port))).rejects.toMatchObject({
      status: 451,
      retryable: true,
    });
  });

  it('connects to the address the outbound rules resolved, not to the name', async () => {
    server = await startSmtpServer();
    const settings = settingsFor(server.port, { host: 'smtp.bison.invalid' });
    const context = channelContext(settings, {});
    const resolveHost = jest.fn(async () => '127.0.0.1');
    await expect(
      emailChannel.send(sampleNotice(), { ...context, resolveHost }),
    ).resolves.toEqual({ status: 250 });
    expect(resolveHost).toHaveBeenCalledWith('smtp.bison.invalid');
    expect(server.received).toHaveLength(1);
  });

  it('sends nothing when the host is refused', async () => {
    const settings = settingsFor(25, { host: 'smtp.bison.invalid' });
    const refused = new Error(
      'smtp.bison.invalid: the host could not be resolved',
    );
    const context = channelContext(settings, {});
    await expect(
      emailChannel.send(sampleNotice(), {
        ...context,
        resolveHost: async () => {
          throw refused;
        },
      }),
    ).rejects.toBe(refused);
  });

  it('retries when the server cannot be reached', async () => {
    const unused = await startSmtpServer();
    await unused.close();
    const error = await send(settingsFor(unused.port)).catch(e => e);
    expect(error).toMatchObject({ retryable: true });
    expect(error.status).toBeUndefined();
  });

  it('lists the SMTP server as its destination', () => {
    expect(
      emailChannel.destinations(
        settingsFor(2525, { host: 'smtp.example.com' }),
        {},
      ),
    ).toEqual(['smtp://smtp.example.com:2525']);
    expect(
      emailChannel.destinations(settingsFor(25, { host: '::1' }), {}),
    ).toEqual(['smtp://[::1]:25']);
  });

  describe('schemas', () => {
    it('fills in the defaults', () => {
      expect(
        emailChannel.settingsSchema.parse({
          host: 'smtp.example.com',
          from: 'bison@example.com',
        }),
      ).toEqual({
        host: 'smtp.example.com',
        port: 587,
        secure: false,
        requireTLS: true,
        from: 'bison@example.com',
        to: [],
        toTeamGroup: true,
      });
    });

    it('names the field of each bad setting', () => {
      const valid = { host: 'smtp.example.com', from: 'bison@example.com' };
      expect(
        issuePaths(emailChannel.settingsSchema, { ...valid, port: 0 }),
      ).toEqual([['port']]);
      expect(
        issuePaths(emailChannel.settingsSchema, { ...valid, port: 25.5 }),
      ).toEqual([['port']]);
      expect(
        issuePaths(emailChannel.settingsSchema, { ...valid, from: 'nobody' }),
      ).toEqual([['from']]);
      expect(
        issuePaths(emailChannel.settingsSchema, {
          ...valid,
          to: ['ok@example.com', 'bad'],
        }),
      ).toEqual([['to', 1]]);
      expect(
        issuePaths(emailChannel.settingsSchema, {
          ...valid,
          host: 'smtp://x.example',
        }),
      ).toEqual([['host']]);
      expect(
        issuePaths(emailChannel.settingsSchema, {
          ...valid,
          toTeamGroup: false,
        }),
      ).toEqual([['to']]);
    });

    it('wants both a username and a password, or neither', () => {
      expect(issuePaths(emailChannel.secretsSchema, {})).toEqual([]);
      expect(
        issuePaths(emailChannel.secretsSchema, {
          username: 'u',
          password: 'p',
        }),
      ).toEqual([]);
      expect(issuePaths(emailChannel.secretsSchema, { username: 'u' })).toEqual(
        [['password']],
      );
      expect(issuePaths(emailChannel.secretsSchema, { password: 'p' })).toEqual(
        [['username']],
      );
    });
  });
});
