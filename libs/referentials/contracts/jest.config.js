/** @type {import('jest').Config} */
module.exports = {
  displayName: 'referentials-contracts',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
