/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials-application',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
