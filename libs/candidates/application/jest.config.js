/** @type {import('jest').Config} */
module.exports = {
  displayName: 'candidates-application',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
