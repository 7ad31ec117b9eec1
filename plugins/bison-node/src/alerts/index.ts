export type {
  AlertNotice,
  AlertNoticeSeverity,
  AlertNoticeStatus,
} from './AlertNotice';
export { AlertDeliveryError } from './AlertChannelType';
export type {
  AlertChannelContext,
  AlertChannelHttp,
  AlertChannelType,
  AlertDeliveryReceipt,
  AlertHttpResponse,
} from './AlertChannelType';
export { bisonAlertChannelsExtensionPoint } from './alertChannelsExtensionPoint';
export type { BisonAlertChannelsExtensionPoint } from './alertChannelsExtensionPoint';
