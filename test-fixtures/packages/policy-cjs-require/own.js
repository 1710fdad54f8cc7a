'use strict';
exports.name = 'own';
