/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials-seeds',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
