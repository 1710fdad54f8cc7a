__log.push('lazy evaluated');
export default 'lazy';
