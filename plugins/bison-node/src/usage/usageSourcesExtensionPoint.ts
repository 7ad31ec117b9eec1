import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { UsageSource } from './UsageSource';

/**
 * Lets backend modules add usage sources to the Bison billing engine.
 *
 * @public
 */
export interface BisonUsageSourcesExtensionPoint {
  addUsageSource(source: UsageSource): void;
}

/**
 * Extension point for {@link BisonUsageSourcesExtensionPoint}.
 *
 * @public
 */
export const bisonUsageSourcesExtensionPoint =
  createExtensionPoint<BisonUsageSourcesExtensionPoint>({
    id: 'bison.usage-sources',
  });
