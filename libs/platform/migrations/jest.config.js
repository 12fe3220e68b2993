/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-migrations',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
