/**
 * Throughput of the API under concurrent load on loopback (autocannon): requests per second, p99 latency and
 * errors, where a GraphQL `errors` member in a 200 answer counts as an error too.
 */
import autocannon from 'autocannon';

export interface ThroughputResult {
  connections: number;
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  errors: number;
}

export async function measureThroughput(
  url: string,
  body: { query: string; variables: Record<string, unknown> },
  connections: number,
  seconds: number,
): Promise<ThroughputResult> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections,
    duration: seconds,
    setupClient: (client) => {
      client.on('body', (payload: Buffer) => {
        if (payload.includes('"errors"')) graphqlErrors += 1;
      });
    },
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}
