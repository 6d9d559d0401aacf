// Placeholder until translated.
export { usersigGenerators, usersigVerdicts } from '../en/usersig.js';
