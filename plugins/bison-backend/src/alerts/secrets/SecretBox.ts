import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts channel secrets at rest with AES-256-GCM. The key comes from
 * config as text (at least 32 characters, e.g. `openssl rand -base64 32`)
 * and is stretched with SHA-256; each envelope names the key it was sealed
 * with, so a retired key in `previousSecretKeys` still opens old ones.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly byId: Map<string, Buffer>;

  constructor(secretKey: string, previousSecretKeys: string[] = []) {
    const keys = [secretKey, ...previousSecretKeys].map(text => {
      const key = createHash('sha256').update(text, 'utf8').digest();
      const id = createHash('sha256').update(key).digest('hex').slice(0, 8);
      return { id, key };
    });
    this.current = keys[0];
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const sealed = Buffer.concat([
      cipher.update(plain, 'utf8'),
      cipher.final(),
    ]);
    return [
      VERSION,
      this.current.id,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      sealed.toString('base64'),
    ].join(':');
  }

  open(envelope: string): string {
    const [version, keyId, iv, tag, sealed] = envelope.split(':');
    const key = this.byId.get(keyId);
    if (version !== VERSION || !key) {
      throw new Error(
        `Channel secrets were sealed with a key that is not configured (${keyId})`,
      );
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key,
      Buffer.from(iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
