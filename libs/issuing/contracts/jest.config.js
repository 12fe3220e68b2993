/** @type {import('jest').Config} */
module.exports = {
  displayName: 'issuing-contracts',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
