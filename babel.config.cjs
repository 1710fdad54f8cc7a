// Used only by babel-jest to run the TypeScript sources under Jest.
module.exports = {
  presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
  plugins: [['@babel/plugin-transform-modules-commonjs', { importInterop: 'node' }]],
};
