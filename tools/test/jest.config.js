/** @type {import('jest').Config} */
module.exports = { displayName: 'test-runner', preset: '../../jest.preset.js', rootDir: __dirname };
