import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores: files run in parallel across forks; emulators bind port 0 so files never collide.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
