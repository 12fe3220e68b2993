// Shared by every project's jest.config.js: TypeScript through ts-jest (transpile-only, decorator
// metadata kept for type-graphql and TypeORM) and the workspace's path aliases.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  // Integration suites start whole services against real databases; on a busy 2-core CI machine
  // that can take longer than Jest's 5 s default. Tests still fail on a hang, after a minute.
  testTimeout: 60_000,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: [require.resolve('reflect-metadata')],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, {
    prefix: path.join(__dirname, '/'),
  }),
};
