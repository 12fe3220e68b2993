/** @type {import('jest').Config} */
module.exports = {
  displayName: 'issuing-adapters',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
