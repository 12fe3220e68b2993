/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
