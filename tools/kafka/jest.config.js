/** @type {import('jest').Config} */
module.exports = { displayName: 'kafka-tools', preset: '../../jest.preset.js', rootDir: __dirname };
