import { seedGraph, startTestServer, type TestServer } from './harness';

/**
 * A test server over the seeded graph, for files that only read: started once per file, seeded
 * once, stopped after the file's last test.
 */
export function useSeededServer(overrides: Record<string, string> = {}): () => TestServer {
  let server: TestServer | null = null;
  // The first file of a run also pays for Neo4j's cold query compilation: give the hook room.
  beforeAll(async () => {
    server = await startTestServer(overrides);
    await seedGraph(server.db);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the seeded server is not started yet');
    return server;
  };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T>(response: { data?: T; errors?: unknown[] }): T {
  if (response.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as T;
}
