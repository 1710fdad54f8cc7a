__log.push('bad');
export { notDeclared };
