// The reply model lives in src/present; adapters keep importing it from the command layer.
export * from '../present/reply.js';
