import './fn-anon.js';
export default class {}
