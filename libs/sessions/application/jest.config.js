/** @type {import('jest').Config} */
module.exports = {
  displayName: 'sessions-application',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
