export function then(resolve, reject) {
  __log.push('then called', typeof resolve, typeof reject, this === undefined ? 'this undefined' : typeof this);
  resolve('resolved through then');
}
