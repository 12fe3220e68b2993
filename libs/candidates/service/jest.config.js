/** @type {import('jest').Config} */
module.exports = {
  displayName: 'candidates-service',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
