// lodash's default template compiles a sloppy-mode function whose body uses
// `with (obj)`: inside a compartment it goes through the compartment's own
// Function constructor.
import template from 'lodash-es/template.js';

export const greeting = template('hello <%= user %>! <% for (const n of list) { %><%- n %>,<% } %>')({ user: 'fred', list: ['<a>', 'b'] });
