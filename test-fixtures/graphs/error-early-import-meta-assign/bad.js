__log.push('bad');
import.meta = {};
