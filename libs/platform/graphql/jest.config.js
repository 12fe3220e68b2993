/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-graphql',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
