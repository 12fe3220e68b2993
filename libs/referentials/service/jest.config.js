/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials-service',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
