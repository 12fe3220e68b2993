// `npm test` runs every project's tests in one Jest run (see tools/test/run-tests.mjs);
// `nx test <project>` runs one project's.
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({
  // Jest reads the test timeout from the global config when it runs several projects: the
  // preset's 60 s (integration suites on a busy 2-core machine) must be said here too.
  testTimeout: 60_000,
  projects: await getJestProjectsAsync(),
});
