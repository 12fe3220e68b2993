/** @type {import('jest').Config} */
module.exports = {
  displayName: 'sessions-contracts',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
