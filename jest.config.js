// `npm test` runs every project's tests in one Jest run (see tools/test/run-tests.mjs);
// `nx test <project>` runs one project's.
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({ projects: await getJestProjectsAsync() });
