/** @type {import('jest').Config} */
module.exports = { displayName: 'all-in-one', preset: '../../jest.preset.js', rootDir: __dirname };
