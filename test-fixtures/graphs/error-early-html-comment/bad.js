__log.push('bad');
const a = 1;
<!-- html-like comment is not a comment in module code

