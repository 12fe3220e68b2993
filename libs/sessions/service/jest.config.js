/** @type {import('jest').Config} */
module.exports = {
  displayName: 'sessions-service',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
