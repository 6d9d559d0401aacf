// Placeholder until translated.
export { im } from '../en/im.js';
