/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials-adapters',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
