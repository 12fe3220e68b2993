/** @type {import('jest').Config} */
module.exports = { displayName: 'codegen', preset: '../../jest.preset.js', rootDir: __dirname };
