import { z } from 'zod';

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * An absolute http(s) URL, optionally with a query parameter it must carry.
 * Whether plain http may be used is the outbound rules' decision (only to
 * allow-listed hosts), checked when the channel is saved.
 */
export function webUrl(options: { queryParameter?: string } = {}) {
  const { queryParameter } = options;
  return z
    .string()
    .trim()
    .refine(
      value => ['https:', 'http:'].includes(parseUrl(value)?.protocol ?? ''),
      {
        message:
          'must be an https:// URL (http:// only to hosts in bison.alerts.allowedHosts)',
      },
    )
    .refine(
      value =>
        !queryParameter ||
        parseUrl(value)?.searchParams.has(queryParameter) !== false,
      { message: `must contain the '${queryParameter}' query parameter` },
    );
}
