/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-persistence',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
