const SECRET_KEY =
  /secret|password|passwd|token|api[-_]?key|authorization|private[-_]?key|signing/i;
const MAX_DEPTH = 6;

/**
 * A copy of `value` for the activity log: the value of every key that names a
 * secret is replaced by `"(hidden)"`, at any depth; only a flag such as
 * `hasSecret: true` is kept.
 */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  if (depth >= MAX_DEPTH) return '(nested)';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    return value.map(item => withoutSecrets(item, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [
        key,
        SECRET_KEY.test(key) && typeof item !== 'boolean'
          ? '(hidden)'
          : withoutSecrets(item, depth + 1),
      ]),
  );
}
