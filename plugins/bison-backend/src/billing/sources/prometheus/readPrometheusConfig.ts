import { Config } from '@backstage/config';
import {
  HttpSourceSettings,
  readHttpSourceConfig,
} from '../shared/readHttpSourceConfig';

const SECTION = 'bison.billing.prometheus';

/**
 * Where and how to reach Prometheus, from `bison.billing.prometheus`. The
 * `/api/v1/query` endpoint is served below baseUrl, e.g.
 * `http://prometheus.monitoring:9090` or a Thanos/Mimir prefix.
 */
export interface PrometheusSettings extends HttpSourceSettings {
  /**
   * Label matchers added to every series selector, e.g. `cluster="prod"`,
   * to pick one cluster out of a Prometheus that holds several.
   */
  labelMatchers: string[];
}

// One matcher: label name, operator, double-quoted PromQL string.
const MATCHER =
  /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\\n]|\\.)*")\s*/;

/**
 * `a="x", b=~"y.*"` → ['a="x"', 'b=~"y.*"']. Label names starting with `__`
 * (the metric name among them) are refused: the queries pick the metrics.
 */
export function parseLabelMatchers(text: string): string[] {
  const matchers: string[] = [];
  let rest = text.trim();
  while (rest) {
    const match = MATCHER.exec(rest);
    if (!match) {
      throw new Error(
        `expected label matchers such as cluster="prod", region=~"eu-.*"; cannot read '${rest.slice(
          0,
          40,
        )}'`,
      );
    }
    const [whole, name, operator, value] = match;
    if (name.startsWith('__')) {
      throw new Error(`label ${name} is reserved`);
    }
    matchers.push(`${name}${operator}${value}`);
    rest = rest.slice(whole.length);
    if (rest.startsWith(',')) {
      rest = rest.slice(1).trim();
      if (!rest) throw new Error('trailing comma');
    } else if (rest) {
      throw new Error(`expected ',' before '${rest.slice(0, 40)}'`);
    }
  }
  return matchers;
}

function readLabelMatchers(section: Config): string[] {
  const text = section.getOptionalString('labelMatchers');
  if (text === undefined) return [];
  try {
    return parseLabelMatchers(text);
  } catch (error) {
    throw new Error(`${SECTION}.labelMatchers: ${(error as Error).message}`);
  }
}

/**
 * Reads `bison.billing.prometheus`; undefined when the section is absent
 * (Prometheus is then not used). Throws, naming the key, on invalid values.
 */
export function readPrometheusConfig(
  config: Config,
): PrometheusSettings | undefined {
  const section = config.getOptionalConfig(SECTION);
  if (!section) return undefined;
  return {
    ...readHttpSourceConfig(section, SECTION),
    labelMatchers: readLabelMatchers(section),
  };
}
