// Imports another package: allowed by a generated policy, denied by an
// override of `packages: { "policy-greeter": false }`.
import { greet } from 'policy-greeter';
export const hello = () => greet('importer');
