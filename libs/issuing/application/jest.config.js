/** @type {import('jest').Config} */
module.exports = {
  displayName: 'issuing-application',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
