import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { sampleNotice } from '../channels/__testUtils__/channelTestContext';
import { notificationsChannel } from './notificationsChannel';

function recordingChannel() {
  const sent: NotificationSendOptions[] = [];
  const channel = notificationsChannel(
    { send: async options => void sent.push(options) },
    ['group:default/platform-admins'],
  );
  const send = (notice: ReturnType<typeof sampleNotice>) =>
    channel.send(notice, {} as any);
  return { sent, send };
}

describe('notificationsChannel', () => {
  it("notifies the team's Group, one notification per alert with an in-app link", async () => {
    const { sent, send } = recordingChannel();
    const firing = sampleNotice({ severity: 'critical', status: 'firing' });
    await send(firing);
    await send({ ...firing, status: 'resolved', severity: 'info' });
    expect(sent.map(s => s.recipients)).toEqual([
      { type: 'entity', entityRef: [firing.team!.groupRef] },
      { type: 'entity', entityRef: [firing.team!.groupRef] },
    ]);
    expect(sent[0].payload).toMatchObject({
      title: firing.title,
      severity: 'critical',
      topic: 'Bison alerts',
      link: new URL(firing.link!).pathname,
    });
    // The same scope: Backstage updates the one notification in place.
    expect(sent[1].payload.scope).toBe(sent[0].payload.scope);
    expect(sent[1].payload.severity).toBe('low');
  });

  it('maps warnings to high and sends installation alerts to the admins', async () => {
    const { sent, send } = recordingChannel();
    await send(
      sampleNotice({
        severity: 'warning',
        team: null,
        subject: 'installation',
      }),
    );
    expect(sent[0]).toMatchObject({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/platform-admins'],
      },
      payload: { severity: 'high' },
    });
  });
});
