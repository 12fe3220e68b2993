/** @type {import('jest').Config} */
module.exports = {
  displayName: 'sessions-domain',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
