/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-vocabulary',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
