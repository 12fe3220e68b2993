/** @type {import('jest').Config} */
module.exports = { displayName: 'sessions', preset: '../../jest.preset.js', rootDir: __dirname };
