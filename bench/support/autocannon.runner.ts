import autocannon from 'autocannon';

// Child-process entry of `closedLoadInChild`: one autocannon run, its figures as one JSON line on stdout.
const [url, headers, connections, seconds] = JSON.parse(process.argv[2] ?? '[]') as [
  string,
  Record<string, string>,
  number,
  number,
];
const result = await autocannon({ url, headers, connections, duration: seconds });
process.stdout.write(
  `${JSON.stringify({
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  })}\n`,
);
