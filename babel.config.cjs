// Used only by babel-jest to run the TypeScript sources under Jest.
// Jest runs the sources as CommonJS, where `import.meta` does not exist: `import.meta.url` becomes
// the file's URL (the sources use it only for createRequire).
function importMetaUrl({ types: t }) {
  return {
    visitor: {
      MetaProperty(path) {
        const member = path.parentPath;
        if (path.node.meta.name !== 'import' || !member.isMemberExpression() || !t.isIdentifier(member.node.property, { name: 'url' })) return;
        member.replaceWith(t.memberExpression(
          t.callExpression(t.memberExpression(t.callExpression(t.identifier('require'), [t.stringLiteral('node:url')]), t.identifier('pathToFileURL')), [t.identifier('__filename')]),
          t.identifier('href'),
        ));
      },
    },
  };
}

module.exports = {
  presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
  plugins: [importMetaUrl, ['@babel/plugin-transform-modules-commonjs', { importInterop: 'node' }]],
};
