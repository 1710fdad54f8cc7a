import { useState } from 'react';
import { startCase, shuffle } from 'lodash-es';

const packages = ['react', 'react-dom', 'lodash-es'];

export function App() {
  const [order, setOrder] = useState(packages);
  return (
    <main>
      <h1>{startCase('hermetic vite react app')}</h1>
      <p>Built with <code>vite build</code>: lodash-es runs in its own compartment, the app in $root$.</p>
      <ul>{order.map((name) => <li key={name}>{name}</li>)}</ul>
      <button onClick={() => setOrder(shuffle(order))}>Shuffle</button>
    </main>
  );
}
