import { SecretBox } from './SecretBox';

const KEY = 'k'.repeat(32);

describe('SecretBox', () => {
  it('opens what it sealed, and the envelope does not show the secret', () => {
    const box = new SecretBox(KEY);
    const envelope = box.seal(
      '{"url":"https://hooks.example.com/T0?token=s3cr3t"}',
    );
    expect(envelope).not.toContain('s3cr3t');
    expect(box.seal('same')).not.toBe(box.seal('same'));
    expect(box.open(envelope)).toContain('token=s3cr3t');
  });

  it('opens envelopes of a previous key and refuses unknown keys', () => {
    const old = new SecretBox('o'.repeat(32));
    const envelope = old.seal('secret');
    expect(new SecretBox(KEY, ['o'.repeat(32)]).open(envelope)).toBe('secret');
    expect(() => new SecretBox(KEY).open(envelope)).toThrow(/not configured/);
  });

  it('refuses a tampered envelope', () => {
    const box = new SecretBox(KEY);
    const parts = box.seal('secret').split(':');
    parts[4] = Buffer.from('other!').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow();
  });
});
