/** @type {import('jest').Config} */
module.exports = { displayName: 'issuing', preset: '../../jest.preset.js', rootDir: __dirname };
