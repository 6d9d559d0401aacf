// Placeholder until translated.
export { imErrors } from '../en/im-errors.js';
