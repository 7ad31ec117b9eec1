import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Creates the demo teams, as `make start` does. */
export default async function globalSetup() {
  execFileSync(
    'node',
    [
      path.resolve(__dirname, '../../../scripts/seed-demo.mjs'),
      process.env.BISON_E2E_URL ?? 'http://localhost:7007',
    ],
    { stdio: 'inherit' },
  );
}
