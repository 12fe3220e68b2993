/** @type {import('jest').Config} */
module.exports = {
  displayName: 'candidates-contracts',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
