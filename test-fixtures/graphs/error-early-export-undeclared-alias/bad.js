__log.push('bad');
export { notDeclared as alias };
