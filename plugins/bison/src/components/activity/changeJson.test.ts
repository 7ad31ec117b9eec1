import { anActivityEntry } from '../../__testUtils__/fixtures';
import { changeJson, hasChangeDetails } from './changeJson';

describe('changeJson', () => {
  it('indents objects and keeps null and scalars', () => {
    expect(changeJson({ balance: '10.00', tags: ['a'] })).toBe(
      '{\n  "balance": "10.00",\n  "tags": [\n    "a"\n  ]\n}',
    );
    expect(changeJson(null)).toBe('null');
    expect(changeJson('active')).toBe('"active"');
    expect(changeJson(undefined)).toBeUndefined();
  });

  it('says whether an entry has a before or an after', () => {
    expect(hasChangeDetails(anActivityEntry('1'))).toBe(true);
    expect(
      hasChangeDetails(
        anActivityEntry('2', { before: undefined, after: { state: 'low' } }),
      ),
    ).toBe(true);
    expect(
      hasChangeDetails(
        anActivityEntry('3', { before: undefined, after: undefined }),
      ),
    ).toBe(false);
  });
});
