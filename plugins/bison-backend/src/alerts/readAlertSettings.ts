import { Config } from '@backstage/config';
import { AllowedHosts, parseAllowedHosts } from './outbound';

export interface AlertSettings {
  /** Encrypts channel secrets; channels with secrets need it. */
  secretKey?: string;
  previousSecretKeys: string[];
  allowedHosts: AllowedHosts;
  /** Entity refs that get installation alerts (billing) as notifications. */
  adminRecipients: string[];
  /** How long a delivery is retried before it fails. */
  retryForMillis: number;
  /** The app's base URL, for links in messages. */
  appBaseUrl: string;
}

const MIN_KEY_LENGTH = 32;

/** `bison.alerts`, checked at startup so that a bad value stops the backend. */
export function readAlertSettings(config: Config): AlertSettings {
  const section = config.getOptionalConfig('bison.alerts');
  const keys = [
    section?.getOptionalString('secretKey'),
    ...(section?.getOptionalStringArray('previousSecretKeys') ?? []),
  ];
  keys.forEach((key, index) => {
    if (key !== undefined && key.length < MIN_KEY_LENGTH) {
      const field =
        index === 0
          ? 'bison.alerts.secretKey'
          : `bison.alerts.previousSecretKeys[${index - 1}]`;
      throw new Error(
        `${field} must be at least ${MIN_KEY_LENGTH} characters, e.g. the output of 'openssl rand -base64 32'`,
      );
    }
  });
  const allowedHosts = parseAllowedHosts(
    section?.getOptionalStringArray('allowedHosts') ?? [],
  );
  const retryForMinutes =
    section?.getOptionalNumber('delivery.retryForMinutes') ?? 24 * 60;
  if (!(retryForMinutes > 0 && retryForMinutes <= 7 * 24 * 60)) {
    throw new Error(
      'bison.alerts.delivery.retryForMinutes must be more than 0 and at most a week',
    );
  }
  return {
    secretKey: keys[0],
    previousSecretKeys: keys.slice(1) as string[],
    allowedHosts,
    adminRecipients: section?.getOptionalStringArray('adminRecipients') ?? [],
    retryForMillis: retryForMinutes * 60_000,
    appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
  };
}
