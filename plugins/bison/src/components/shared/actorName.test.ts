import { actorName } from './actorName';

describe('actorName', () => {
  it('shows a user of the default namespace by name', () => {
    expect(actorName('user:default/mia')).toBe('mia');
  });

  it('keeps the kind of services and the namespace of other users', () => {
    expect(actorName('service:billing')).toBe('service:billing');
    expect(actorName('user:ops/sam')).toBe('ops/sam');
  });

  it('shows what is not an entity ref as sent', () => {
    expect(actorName('')).toBe('');
    expect(actorName('user:')).toBe('user:');
  });
});
