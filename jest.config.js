// ts-jest's ESM preset: the project is ESM-only ("type": "module") because arquero 8 is.
// isolatedModules (tsconfig.json) makes ts-jest transpile without type-checking; `npm test` runs tsc first.
/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^hamilton-ts$': '<rootDir>/lib/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }],
  },
};
