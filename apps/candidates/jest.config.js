/** @type {import('jest').Config} */
module.exports = { displayName: 'candidates', preset: '../../jest.preset.js', rootDir: __dirname };
