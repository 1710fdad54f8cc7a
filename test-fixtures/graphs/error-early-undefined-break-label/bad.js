__log.push('bad');
for (;;) { break nowhere; }
