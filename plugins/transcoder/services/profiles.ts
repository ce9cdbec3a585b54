// Optimization profiles ("1080p H.264 for the TV"): list, read, create and change.
import { HttpError } from '@bijou/sdk';
import { eq } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { profiles } from '../schema.ts';
import type { Ctx } from './types.ts';

export type ProfileInput = Omit<typeof profiles.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export class Profiles {
  constructor(private readonly ctx: Ctx) {}

  list() {
    return this.ctx.db.select().from(profiles).orderBy(profiles.name, profiles.id).all();
  }

  /** A profile; 404 when there is none with that id. */
  get(id: string) {
    const p = this.ctx.db.select().from(profiles).where(eq(profiles.id, id)).get();
    if (!p) throw new HttpError(404, 'Profile not found');
    return p;
  }

  create(input: ProfileInput) {
    const now = new Date().toISOString();
    const row = { id: nanoid(), ...input, createdAt: now, updatedAt: now };
    this.ctx.db.insert(profiles).values(row).run();
    return row;
  }

  /** Changes a profile; versions made with the old settings are kept. */
  update(id: string, patch: Partial<ProfileInput>) {
    this.get(id);
    this.ctx.db
      .update(profiles)
      .set({ ...patch, updatedAt: new Date().toISOString() })
      .where(eq(profiles.id, id))
      .run();
    return this.get(id);
  }
}
