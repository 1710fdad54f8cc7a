// Uses one host global (console) and one intrinsic (String): the generated
// policy grants console only.
export function greet(name) {
  console.log('policy-greeter greets', name);
  return `Hello, ${String(name)}!`;
}
