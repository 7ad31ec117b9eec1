module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Property tests assert through fast-check.
      files: ['src/**/*.test.ts'],
      rules: {
        'jest/expect-expect': [
          'warn',
          { assertFunctionNames: ['expect', 'fc.assert'] },
        ],
        'jest/no-standalone-expect': [
          'error',
          { additionalTestBlockFunctions: ['itWithCapsule'] },
        ],
      },
    },
    {
      // Benchmarks (`yarn bench`) run under Jest like tests, but print
      // numbers instead of asserting them.
      files: ['src/**/*.bench.ts'],
      rules: {
        'no-restricted-imports': 'off',
        'jest/expect-expect': 'off',
        '@backstage/no-undeclared-imports': 'off',
      },
    },
  ],
});
