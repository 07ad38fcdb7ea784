// `npm run seed`: creates the demo organisation in the configured database, if it is empty.
import { loadConfig } from '../kernel/config.js';
import { openRuntime } from '../main/runtime.js';
import { isEmpty, seedDemo } from './demo.js';

const runtime = await openRuntime(loadConfig());
if (!(await isEmpty(runtime.deps))) {
  console.log('the database already has organisations; nothing seeded');
} else {
  for (const l of await seedDemo(runtime.deps))
    console.log(`${l.role.padEnd(8)} ${l.email.padEnd(28)} password: ${l.password}`);
}
await runtime.close();
