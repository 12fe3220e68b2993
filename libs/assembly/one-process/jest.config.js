/** @type {import('jest').Config} */
module.exports = {
  displayName: 'one-process',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
