export let a = 1
export let b = a
export var c
export let arr = []
a++
b = a
;[c] = [a + b]
arr.push(a)
export function run() {
  a = 10
  ;(function () { arr.push('iife') })()
  b = a
  ++c
  arr.push(b)
  a
  ++b
  c = b
  -1
}
export const afterFn = 1
;`${a}`
