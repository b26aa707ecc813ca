import type { ApolloServerPlugin } from '@apollo/server';
import { playground } from '../playground';

/**
 * Replaces Apollo's default landing page (Apollo Sandbox, loaded from a CDN) with diplograph's
 * own GraphiQL page, rendered when a browser first asks for it (see `playground`). Apollo serves
 * it to `GET /graphql` when the client prefers HTML (a browser), before CSRF prevention and
 * context creation run.
 */
export function landingPagePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => playground().html };
        },
      };
    },
  };
}
