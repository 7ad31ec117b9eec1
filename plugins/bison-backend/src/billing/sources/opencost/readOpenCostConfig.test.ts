import { ConfigReader } from '@backstage/config';
import { createOpenCostUsageSource } from './OpenCostUsageSource';
import { readOpenCostConfig } from './readOpenCostConfig';

const read = (opencost: unknown) =>
  readOpenCostConfig(
    new ConfigReader({ bison: { billing: { opencost } } } as any),
  );

describe('readOpenCostConfig', () => {
  it('is undefined without the section', () => {
    expect(readOpenCostConfig(new ConfigReader({}))).toBeUndefined();
    expect(createOpenCostUsageSource(new ConfigReader({}))).toBeUndefined();
  });

  it('applies defaults', () => {
    expect(read({ baseUrl: 'http://opencost.opencost:9003/' })).toEqual({
      baseUrl: 'http://opencost.opencost:9003',
      allocationPath: '/allocation',
      timeoutMs: 60_000,
      headers: {},
    });
  });

  it('reads every key', () => {
    expect(
      read({
        baseUrl: 'https://kubecost.example.com/model',
        path: '/allocation/compute',
        timeout: { minutes: 2, seconds: 5 },
        token: 'tok',
        headers: { 'X-Scope-OrgID': 'a' },
      }),
    ).toEqual({
      baseUrl: 'https://kubecost.example.com/model',
      allocationPath: '/allocation/compute',
      timeoutMs: 125_000,
      headers: { 'X-Scope-OrgID': 'a', Authorization: 'Bearer tok' },
    });
  });

  it.each([
    ['200ms', 200],
    ['90s', 90_000],
    ['PT1M', 60_000],
  ])('reads the timeout %s', (timeout, ms) => {
    expect(read({ baseUrl: 'http://x', timeout })?.timeoutMs).toBe(ms);
  });

  it.each([
    [{ path: '/allocation' }, /bison\.billing\.opencost\.baseUrl is required/],
    [
      { baseUrl: 'ftp://opencost:9003' },
      /bison\.billing\.opencost\.baseUrl must be an http or https URL, not ftp/,
    ],
    [
      { baseUrl: 'file:///etc/passwd' },
      /bison\.billing\.opencost\.baseUrl must be an http or https URL/,
    ],
    [
      { baseUrl: 'opencost:9003' },
      /bison\.billing\.opencost\.baseUrl must be an http or https URL/,
    ],
    [
      { baseUrl: 'not a url' },
      /bison\.billing\.opencost\.baseUrl is not a valid URL/,
    ],
    [
      { baseUrl: 'http://u:p@opencost' },
      /bison\.billing\.opencost\.baseUrl must not contain credentials/,
    ],
    [
      { baseUrl: 'http://opencost?x=1' },
      /bison\.billing\.opencost\.baseUrl must not have a query/,
    ],
    [
      { baseUrl: 'http://x', path: 'allocation' },
      /bison\.billing\.opencost\.path/,
    ],
    [
      { baseUrl: 'http://x', timeout: 'soon' },
      /bison\.billing\.opencost\.timeout must be a duration/,
    ],
    [
      { baseUrl: 'http://x', timeout: { months: 1 } },
      /bison\.billing\.opencost\.timeout must not be given in years or months/,
    ],
    [
      { baseUrl: 'http://x', timeout: '0ms' },
      /bison\.billing\.opencost\.timeout must be a positive duration/,
    ],
    [
      {
        baseUrl: 'http://x',
        token: 't',
        headers: { authorization: 'Basic x' },
      },
      /token and an Authorization entry/,
    ],
    [
      { baseUrl: 'http://x', token: ' ' },
      /bison\.billing\.opencost\.token must not be empty/,
    ],
  ])('rejects %j', (opencost, message) => {
    expect(() => read(opencost)).toThrow(message);
  });

  it('does not echo the token or header values in errors', () => {
    expect(() =>
      read({
        baseUrl: 'http://x',
        token: 'secret-1',
        headers: { Authorization: 'secret-2' },
      }),
    ).toThrow(
      expect.objectContaining({ message: expect.not.stringMatching(/secret/) }),
    );
  });
});
