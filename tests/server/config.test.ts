import { ConfigError, dataDir, loadConfig, PROJECT_ROOT } from '../../src/config';
import path from 'node:path';

describe('configuration from the environment', () => {
  it('has working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.EMBEDDED_NEO4J_PORT).toBe(0);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.HEAP_GROWING_PERCENT).toBe(30);
    expect(config.GRAPHQL_COMPILE_AFTER).toBe(2);
    expect(dataDir(config)).toBe(path.join(PROJECT_ROOT, 'data', 'neo4j'));
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
      DATA_DIR: '/tmp/somewhere',
      EMBEDDED_NEO4J_PORT: '7688',
      HEAP_GROWING_PERCENT: '0',
      GRAPHQL_COMPILE_AFTER: '0',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
      EMBEDDED_NEO4J_PORT: 7688,
      HEAP_GROWING_PERCENT: 0,
      GRAPHQL_COMPILE_AFTER: 0,
    });
    expect(dataDir(config)).toBe('/tmp/somewhere');
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', NEO4J_URI: '' });
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT: PORT must be a whole number/],
    ['PORT', '70000', /PORT: PORT must be between 0 and 65535/],
    ['EMBEDDED_NEO4J_PORT', '-1', /EMBEDDED_NEO4J_PORT: EMBEDDED_NEO4J_PORT must be between 0 and 65535/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: LOG_LEVEL must be one of/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI: NEO4J_URI must start with bolt:\/\//],
    ['EMBEDDED_NEO4J_HEAP', 'lots', /EMBEDDED_NEO4J_HEAP must look like 512m or 2g/],
    ['NEO4J_QUERY_TIMEOUT_MS', '0', /NEO4J_QUERY_TIMEOUT_MS must be positive/],
    ['SEED_ON_EMPTY', 'maybe', /SEED_ON_EMPTY must be true or false/],
    ['HEAP_GROWING_PERCENT', '-5', /HEAP_GROWING_PERCENT/],
    ['GRAPHQL_COMPILE_AFTER', 'often', /GRAPHQL_COMPILE_AFTER must be a whole number/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
