module.exports = require('./lib/impl-node.js');
