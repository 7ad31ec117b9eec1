// Prints the totals of a `make test` run from the Jest and Playwright JSON
// reports, ending with a single "N passed, N failed" line. Skipped tests and
// failed steps count as failures: CI must run everything.
import fs from 'node:fs';
import path from 'node:path';

const [resultsDir, failedStepsArg] = process.argv.slice(2);
const failedSteps = Number(failedStepsArg ?? 0);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  } catch {
    return undefined;
  }
}

const suites = [];
const jest = readJson('jest.json');
suites.push(
  jest
    ? {
        name: 'unit and database tests',
        passed: jest.numPassedTests,
        failed: jest.numFailedTests + jest.numRuntimeErrorTestSuites,
        skipped: jest.numPendingTests + jest.numTodoTests,
      }
    : { name: 'unit and database tests', missing: true },
);
const e2e = readJson('e2e.json');
suites.push(
  e2e
    ? {
        name: 'end-to-end tests',
        passed: e2e.stats.expected,
        failed: e2e.stats.unexpected + e2e.stats.flaky,
        skipped: e2e.stats.skipped,
      }
    : { name: 'end-to-end tests', missing: true },
);

let passed = 0;
let failed = failedSteps;
console.log('\nTests:');
for (const s of suites) {
  if (s.missing) {
    console.log(`  ${s.name}: no report (the step did not run)`);
    failed += 1;
    continue;
  }
  console.log(
    `  ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
  );
  passed += s.passed;
  failed += s.failed + s.skipped;
}
if (failedSteps > 0) console.log(`  failed steps: ${failedSteps}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
