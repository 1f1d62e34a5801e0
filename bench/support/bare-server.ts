import Fastify from 'fastify';

// The reference point of bench:gateway: the same HTTP server with nothing on top.
const app = Fastify({ logger: false });
app.get('/health/live', () => ({ status: 'ok' }));
app.get('/bare', () => ({ hops: [{ app: 'bare', layer: 'experience', durationMs: 0 }] }));
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
