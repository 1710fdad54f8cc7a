export default function* () { yield 'gen'; }
