/** @type {import('jest').Config} */
module.exports = {
  displayName: 'candidates-domain',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
