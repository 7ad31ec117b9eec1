import { buildWindowQueries, formatSeconds } from './queries';

const start = new Date('2026-01-01T10:00:00Z');
const end = new Date('2026-01-01T11:00:00Z');

describe('buildWindowQueries', () => {
  it('evaluates at the window end - 1 ms, over minute steps of the window', () => {
    const queries = buildWindowQueries({ start, end });
    expect(queries.time).toBe(`${end.getTime() / 1000 - 1}.999`);
    expect(queries.freshnessTime).toBe(`${end.getTime() / 1000 + 300}`);
    expect(queries.minutes).toBe(60);
    for (const query of [
      queries.cpu,
      queries.memory,
      queries.extended,
      queries.coverage,
    ]) {
      expect(query).toContain('[60m:1m]');
    }
    expect(
      buildWindowQueries({ start, end: new Date('2026-01-02T10:00:00Z') }).cpu,
    ).toContain('[1440m:1m]');
  });

  it('puts the label matchers into every series selector', () => {
    const queries = buildWindowQueries({ start, end }, [
      'cluster="prod"',
      'env!="dev"',
    ]);
    for (const query of [
      queries.cpu,
      queries.memory,
      queries.extended,
      queries.coverage,
      queries.freshness,
    ]) {
      const selectors = query.match(/\b(kube|container)_[a-z_]+(\{[^}]*\})?/g)!;
      expect(selectors.length).toBeGreaterThan(0);
      for (const selector of selectors) {
        expect(selector).toMatch(/\{.*cluster="prod", env!="dev"\}$/);
      }
    }
    expect(buildWindowQueries({ start, end }).coverage).toBe(
      'count_over_time(count(kube_namespace_created)[60m:1m])',
    );
  });

  it('keeps the operators per container and minute few: each one costs a whole vector per step', () => {
    const queries = buildWindowQueries({ start, end });
    expect(queries.cpu).toBe(
      'sum by (namespace) (sum_over_time((' +
        'max by (namespace, pod, container) (' +
        'sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="", container!="POD"}[5m]))' +
        ' or kube_pod_container_resource_requests{resource="cpu", unit="core"})' +
        ' and on (namespace, pod, container) (kube_pod_container_status_running == 1))[60m:1m]))',
    );
    expect(queries.memory).toBe(
      queries.cpu
        .replace(
          'rate(container_cpu_usage_seconds_total{container!="", container!="POD"}[5m])',
          'container_memory_working_set_bytes{container!="", container!="POD"}',
        )
        .replace(
          'resource="cpu", unit="core"',
          'resource="memory", unit="byte"',
        ),
    );
  });

  it('refuses windows that are not whole minutes or empty', () => {
    expect(() =>
      buildWindowQueries({ start: new Date(start.getTime() + 1), end }),
    ).toThrow('window bounds must be whole minutes');
    expect(() => buildWindowQueries({ start: end, end: start })).toThrow(
      'window start 2026-01-01T11:00:00.000Z is not before its end 2026-01-01T10:00:00.000Z',
    );
    expect(() => buildWindowQueries({ start: new Date(NaN), end })).toThrow(
      'window bounds must be valid dates',
    );
  });
});

describe('formatSeconds', () => {
  it('prints milliseconds exactly', () => {
    expect(formatSeconds(1_767_261_599_999)).toBe('1767261599.999');
    expect(formatSeconds(1_767_261_600_000)).toBe('1767261600');
    expect(formatSeconds(1_767_261_600_050)).toBe('1767261600.050');
  });
});
