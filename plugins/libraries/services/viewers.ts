// Visibility filters and profile resolvers registered by other plugins, and the viewer of a request.
import { and, type SQL } from 'drizzle-orm';
import type { ProfileResolver, Viewer, VisibilityFilter } from '../api.ts';

export class Viewers {
  private readonly filters = new Set<VisibilityFilter>();
  private readonly resolvers = new Set<ProfileResolver>();

  addVisibilityFilter(filter: VisibilityFilter): () => void {
    this.filters.add(filter);
    return () => this.filters.delete(filter);
  }

  addProfileResolver(resolver: ProfileResolver): () => void {
    this.resolvers.add(resolver);
    return () => this.resolvers.delete(resolver);
  }

  /** The AND of all filters for this viewer; undefined when nothing restricts. */
  visibility(viewer: Viewer): SQL | undefined {
    const parts = [...this.filters].map((f) => f(viewer)).filter((x): x is SQL => x !== undefined);
    return parts.length ? and(...parts) : undefined;
  }

  viewerFor(user: { id: string; role: 'admin' | 'user' }, request: Request): Viewer {
    for (const r of this.resolvers) {
      const profileId = r(user, request);
      if (profileId) return { userId: user.id, role: user.role, profileId };
    }
    return { userId: user.id, role: user.role, profileId: user.id };
  }
}
