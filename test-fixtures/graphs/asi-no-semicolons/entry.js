import { a, b, c, arr, run } from './m.js'
run()
__log.push(a, b, c, arr.join('|'))
