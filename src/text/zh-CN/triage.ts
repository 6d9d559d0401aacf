// Placeholder until translated.
export { triage } from '../en/triage.js';
