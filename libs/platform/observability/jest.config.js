/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-observability',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
