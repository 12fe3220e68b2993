/** @type {import('jest').Config} */
module.exports = {
  displayName: 'candidates-adapters',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
