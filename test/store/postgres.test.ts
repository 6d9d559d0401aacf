import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/index.js';
import { describeStoreContract } from './contract.js';
import { startPgServer, type PgServer } from './pg-server.js';

let server: PgServer;
let url: string;
beforeAll(async () => {
  server = await startPgServer();
  url = await server.createDatabase('contract');
}, 60_000);
afterAll(() => server?.stop());

const TABLES = ['devices', 'audit', 'locks', 'rate_uses', 'alert_state', 'im_events'];
describeStoreContract('postgres', async ({ peerOf, ...o }) => {
  const store: PostgresStore = await openPostgresStore({ url, poolSize: 4, ...o });
  // Each test starts empty, except a peer: a second handle on the first one's data.
  if (!peerOf) await store.pool.query(`TRUNCATE ${TABLES.join(', ')}`);
  return store;
});
