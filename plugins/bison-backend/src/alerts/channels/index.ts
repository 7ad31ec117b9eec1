import { AlertChannelType } from '@bison/plugin-bison-node';
import { dingTalkChannel } from './dingtalk';
import { emailChannel } from './email';
import { slackChannel } from './slack';
import { teamsChannel } from './teams';
import { webhookChannel } from './webhook';
import { weComChannel } from './wecom';

export { dingTalkChannel } from './dingtalk';
export { emailChannel } from './email';
export { slackChannel } from './slack';
export { teamsChannel } from './teams';
export { webhookChannel } from './webhook';
export { weComChannel } from './wecom';

/** The channel types Bison ships; modules may add more. */
export function builtInChannelTypes(): AlertChannelType<any, any>[] {
  return [
    webhookChannel,
    slackChannel,
    teamsChannel,
    dingTalkChannel,
    weComChannel,
    emailChannel,
  ];
}
