import { type TestServer, startTestServer } from '../support/harness';
import { post } from '../security/support';

/** GET /metrics: Prometheus text with requests, latencies, errors by code, Neo4j round trips and pool. */
describe('/metrics', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer();
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.stop());

  const scrape = async () => {
    const r = await fetch(`${base}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/plain/);
    return r.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series + ' ') || l.startsWith(series + '{') && l.includes('} '));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };

  it('counts requests, errors by code and Neo4j round trips by query name', async () => {
    await post(server.url, { query: 'query Probe { person(name: "nobody at all") { id } }' });
    await post(server.url, { query: '{ person(name: "x") { ' + 'id '.repeat(3000) + '} }' }); // MAX_TOKENS
    await post(server.url, { query: '{ nosuchfield }' });
    const text = await scrape();
    expect(value(text, 'diplograph_graphql_requests_total{operation="Probe",type="query",outcome="ok"}')).toBe(1);
    expect(value(text, 'diplograph_graphql_errors_total{code="LIMIT_EXCEEDED"}')).toBe(1);
    expect(value(text, 'diplograph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(text).toMatch(/diplograph_graphql_request_duration_seconds_bucket\{le="0\.1",type="query",outcome="ok"\} \d+/);
    expect(text).toMatch(/diplograph_neo4j_queries_total\{query="person\/by-name",mode="READ",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/diplograph_neo4j_query_duration_seconds_count\{query="person\/by-name",mode="READ"\} [1-9]/);
    expect(text).toMatch(/diplograph_neo4j_pool_idle_connections \d+/);
    expect(text).toMatch(/diplograph_neo4j_pool_active_connections \d+/);
    expect(text).toMatch(/diplograph_neo4j_pool_max_connections 100/);
    expect(text).toMatch(/diplograph_process_cpu_user_seconds_total/);
  });

  it('keeps the operation-name label bounded', async () => {
    for (let i = 0; i < 5; i++) await post(server.url, { query: `query Op${i} { __typename }` });
    await post(server.url, { query: 'query { __typename }', operationName: null });
    const text = await scrape();
    expect(text).toContain('operation="Op4"');
    expect(text).not.toMatch(/operation="[^"]*[^A-Za-z0-9_"][^"]*"/);
  });
});
