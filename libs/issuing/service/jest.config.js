/** @type {import('jest').Config} */
module.exports = {
  displayName: 'issuing-service',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
