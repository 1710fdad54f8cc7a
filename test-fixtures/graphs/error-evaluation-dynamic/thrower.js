__log.push('thrower runs once');
null.property;
