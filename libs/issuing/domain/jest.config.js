/** @type {import('jest').Config} */
module.exports = {
  displayName: 'issuing-domain',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
