import './exporter.js';
export { runEarly } from './exporter.js';
