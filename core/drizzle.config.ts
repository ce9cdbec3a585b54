// drizzle-kit config for core tables; plugins generate with `npm run db:generate -- <plugin-id>`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './core/src/db/schema.ts',
  out: './core/migrations',
});
