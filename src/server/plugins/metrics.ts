import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../metrics';
import type { Context } from '../context';

/** Counts every GraphQL request, its latency, and its errors by code, into `metrics`. */
export function metricsPlugin(metrics: Metrics, maxOperationNames = 200): ApolloServerPlugin<Context> {
  // Operation names come from clients: the label keeps the first few hundred, then says "other".
  const names = new Set<string>();
  const label = (operationName: string | null | undefined) => {
    if (!operationName || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operationName)) return 'anonymous';
    if (names.has(operationName)) return operationName;
    if (names.size >= maxOperationNames) return 'other';
    names.add(operationName);
    return operationName;
  };
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      // Requests refused before parsing (the token limit) end here, not in willSendResponse.
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      metrics.errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
      metrics.requests.inc({ operation: 'unknown', type: 'unknown', outcome: 'error' });
    },
    async requestDidStart() {
      const started = performance.now();
      let errored = false;
      return {
        async didEncounterErrors({ errors }) {
          errored = true;
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
        async willSendResponse({ operation, operationName }) {
          const type = operation?.operation ?? 'unknown';
          const outcome = errored ? 'error' : 'ok';
          metrics.requests.inc({ operation: label(operationName), type, outcome });
          metrics.duration.observe({ type, outcome }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
