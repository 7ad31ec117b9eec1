import { builtInChannelTypes } from './index';

describe('builtInChannelTypes', () => {
  it('lists the six channel types, each once', () => {
    const types = builtInChannelTypes().map(type => type.type);
    expect(types).toEqual([
      'webhook',
      'slack',
      'teams',
      'dingtalk',
      'wecom',
      'email',
    ]);
  });
});
