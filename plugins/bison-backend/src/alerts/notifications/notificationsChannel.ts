import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { AlertChannelType, AlertNotice } from '@bison/plugin-bison-node';
import { z } from 'zod';

const SEVERITY: Record<AlertNotice['severity'], NotificationSeverity> = {
  critical: 'critical',
  warning: 'high',
  info: 'normal',
};

/** The in-app path of a notice's link, which the notifications page opens. */
function pathOf(link: string | undefined): string {
  if (!link) return '/bison';
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/**
 * Backstage notifications, always on: a team's alerts go to its Group's
 * members, installation alerts to the admin recipients. One notification
 * per alert (its scope), updated in place as it fires, repeats and resolves.
 */
export function notificationsChannel(
  notifications: NotificationService,
  adminRecipients: string[],
): AlertChannelType<Record<string, never>, Record<string, never>> {
  return {
    type: 'backstage',
    title: 'Backstage notifications',
    settingsSchema: z.object({}).strict() as any,
    secretsSchema: z.object({}).strict() as any,
    destinations: () => [],
    async send(notice) {
      const entityRef = notice.team ? [notice.team.groupRef] : adminRecipients;
      if (entityRef.length === 0) return {};
      await notifications.send({
        recipients: { type: 'entity', entityRef },
        payload: {
          title: notice.title,
          description: notice.summary,
          link: pathOf(notice.link),
          severity:
            notice.status === 'resolved' ? 'low' : SEVERITY[notice.severity],
          topic: 'Bison alerts',
          scope: `bison-alert:${notice.rule.id}:${notice.subject}`,
        },
      });
      return {};
    },
  };
}
