import { ConfigReader } from '@backstage/config';
import { createPrometheusUsageSource } from './PrometheusUsageSource';
import {
  parseLabelMatchers,
  readPrometheusConfig,
} from './readPrometheusConfig';

const read = (prometheus: unknown) =>
  readPrometheusConfig(
    new ConfigReader({ bison: { billing: { prometheus } } } as any),
  );

describe('readPrometheusConfig', () => {
  it('is undefined without the section', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toBeUndefined();
    expect(createPrometheusUsageSource(new ConfigReader({}))).toBeUndefined();
  });

  it('applies defaults', () => {
    expect(read({ baseUrl: 'http://prometheus.monitoring:9090/' })).toEqual({
      baseUrl: 'http://prometheus.monitoring:9090',
      timeoutMs: 60_000,
      token: undefined,
      labelMatchers: [],
    });
  });

  it('reads every key', () => {
    expect(
      read({
        baseUrl: 'https://mimir.example.com/prometheus',
        timeout: { minutes: 2, seconds: 5 },
        token: ' tok ',
        labelMatchers: 'cluster="prod", region=~"eu-.*"',
      }),
    ).toEqual({
      baseUrl: 'https://mimir.example.com/prometheus',
      timeoutMs: 125_000,
      token: 'tok',
      labelMatchers: ['cluster="prod"', 'region=~"eu-.*"'],
    });
    expect(read({ baseUrl: 'http://p:9090', timeout: '30s' })?.timeoutMs).toBe(
      30_000,
    );
    expect(
      createPrometheusUsageSource(
        new ConfigReader({
          bison: { billing: { prometheus: { baseUrl: 'http://p:9090' } } },
        }),
      )?.id,
    ).toBe('prometheus');
  });

  it.each([
    [{}, 'bison.billing.prometheus.baseUrl is required'],
    [
      { baseUrl: 'not a url' },
      'bison.billing.prometheus.baseUrl is not a valid URL',
    ],
    [
      { baseUrl: 'ftp://p:21' },
      'bison.billing.prometheus.baseUrl must be an http or https URL, not ftp',
    ],
    [
      { baseUrl: 'http://user:pw@p:9090' },
      'bison.billing.prometheus.baseUrl must not contain credentials; use bison.billing.prometheus.token',
    ],
    [
      { baseUrl: 'http://p:9090/?x=1' },
      'bison.billing.prometheus.baseUrl must not have a query string or fragment',
    ],
    [
      { baseUrl: 'http://p:9090', timeout: 'soon' },
      /^bison\.billing\.prometheus\.timeout must be a duration/,
    ],
    [
      { baseUrl: 'http://p:9090', timeout: { seconds: 0 } },
      'bison.billing.prometheus.timeout must be a positive duration',
    ],
    [
      { baseUrl: 'http://p:9090', timeout: { months: 1 } },
      'bison.billing.prometheus.timeout must not be given in years or months',
    ],
    [
      { baseUrl: 'http://p:9090', token: '  ' },
      'bison.billing.prometheus.token must not be empty',
    ],
    [
      { baseUrl: 'http://p:9090', labelMatchers: 'cluster=prod' },
      /^bison\.billing\.prometheus\.labelMatchers: expected label matchers/,
    ],
  ])('refuses %j', (section, message) => {
    expect(() => read(section)).toThrow(message);
  });
});

describe('parseLabelMatchers', () => {
  it('reads matchers with every operator', () => {
    expect(
      parseLabelMatchers(
        ' cluster = "prod",env!="dev" , region=~"eu-.*", zone!~"a|b", note="say \\"hi\\", ok"',
      ),
    ).toEqual([
      'cluster="prod"',
      'env!="dev"',
      'region=~"eu-.*"',
      'zone!~"a|b"',
      'note="say \\"hi\\", ok"',
    ]);
    expect(parseLabelMatchers('')).toEqual([]);
  });

  it.each([
    ['cluster=prod', /expected label matchers/],
    ["cluster='prod'", /expected label matchers/],
    ['cluster="prod" env="x"', /expected ','/],
    ['cluster="prod",', /trailing comma/],
    ['cluster="prod"}) or vector(1', /expected ','/],
    ['__name__="up"', /label __name__ is reserved/],
    ['1abc="x"', /expected label matchers/],
  ])('refuses %j', (text, message) => {
    expect(() => parseLabelMatchers(text)).toThrow(message);
  });
});
