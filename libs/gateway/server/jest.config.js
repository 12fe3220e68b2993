/** @type {import('jest').Config} */
module.exports = {
  displayName: 'gateway-server',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
