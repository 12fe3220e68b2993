// `npm test` runs every project's tests in one Jest run (see tools/test/run-tests.mjs);
// `nx test <project>` runs one project's.
const { getJestProjectsAsync } = require('@nx/jest');

// testTimeout is a global option: in a project's config (jest.preset.js) a multi-project run
// ignores it and keeps Jest's 5 s, too short for integration suites on a busy 2-core machine.
module.exports = async () => ({ projects: await getJestProjectsAsync(), testTimeout: 60_000 });
