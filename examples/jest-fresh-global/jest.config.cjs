// babel-jest with @hermetic/babel-preset: every ES module (tests and sources)
// becomes a Hermetic record, linked in a fresh global per test file.
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.js'],
  transform: {
    // Hermetic's own built packages are ordinary ES modules: plain CommonJS for Jest.
    '/packages/[a-z-]+/dist/.+\\.js$': ['babel-jest', { configFile: false, babelrc: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
    '\\.js$': ['babel-jest', { configFile: false, babelrc: false, presets: [['@hermetic/babel-preset', { exclude: /\.cjs$/ }]] }],
  },
  moduleDirectories: ['node_modules', path.join(__dirname, '../../node_modules')],
};
