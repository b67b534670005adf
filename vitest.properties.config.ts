import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/property.test.ts'], testTimeout: 600_000 },
});
