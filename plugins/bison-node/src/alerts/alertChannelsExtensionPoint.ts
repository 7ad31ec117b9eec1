import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AlertChannelType } from './AlertChannelType';

/**
 * Lets backend modules add kinds of alert channel to Bison.
 *
 * @public
 */
export interface BisonAlertChannelsExtensionPoint {
  addChannelType(type: AlertChannelType<any, any>): void;
}

/**
 * Extension point for {@link BisonAlertChannelsExtensionPoint}.
 *
 * @public
 */
export const bisonAlertChannelsExtensionPoint =
  createExtensionPoint<BisonAlertChannelsExtensionPoint>({
    id: 'bison.alert-channels',
  });
