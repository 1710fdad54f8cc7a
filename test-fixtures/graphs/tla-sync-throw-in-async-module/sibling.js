__log.push('sibling');
