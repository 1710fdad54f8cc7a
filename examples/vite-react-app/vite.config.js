import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { hermetic } from '@hermetic/vite-plugin';

export default defineConfig({
  // hermetic(): `vite build` confines every package; `vite` (dev) confines the ES-module packages left out of
  // pre-bundling, under hermetic/policy.json (see @hermetic/vite-plugin's README).
  plugins: [react(), hermetic()],
  build: { sourcemap: true },
});
