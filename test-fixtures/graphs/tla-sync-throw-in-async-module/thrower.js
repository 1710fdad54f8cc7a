__log.push('thrower');
if (true) throw new URIError('before any await');
await null;
