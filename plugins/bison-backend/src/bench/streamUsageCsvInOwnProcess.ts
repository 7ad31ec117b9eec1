import { execFile } from 'node:child_process';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { promisify } from 'node:util';

/**
 * Runs usageCsvProcess.ts in a Node process of its own (with `--expose-gc`)
 * on the database `knexConfig` names, and returns what it measured.
 */
export async function streamUsageCsvInOwnProcess(
  knexConfig: object,
  lines: number,
): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--expose-gc',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolvePackagePath(
        '@bison/plugin-bison-backend',
        'src/bench/usageCsvProcess.ts',
      ),
      JSON.stringify(knexConfig),
      String(lines),
    ],
    { maxBuffer: 1024 * 1024, timeout: 30 * 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!);
}
