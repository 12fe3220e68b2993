/** @type {import('jest').Config} */
module.exports = {
  displayName: 'sessions-adapters',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
