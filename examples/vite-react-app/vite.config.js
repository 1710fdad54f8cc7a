import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { hermetic } from '@hermetic/vite-plugin';

export default defineConfig({
  // hermetic() applies to `vite build`; `vite` (dev) serves the app unchanged.
  plugins: [react(), hermetic()],
  build: { sourcemap: true },
});
