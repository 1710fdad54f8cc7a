// lodash's template() with the `variable` option compiles a strict-compatible
// function through the compartment's own Function constructor (Node entry only:
// the CSP runtime has no compiler).
import template from 'lodash-es/template.js';

export const greeting = template('hello <%= data.user %>! <% for (const n of data.list) { %><%- n %>,<% } %>', { variable: 'data' })({ user: 'fred', list: ['<a>', 'b'] });
