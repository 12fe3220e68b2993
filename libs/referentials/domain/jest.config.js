/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials-domain',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
