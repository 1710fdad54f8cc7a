__log.push('broken');
let x = ;
